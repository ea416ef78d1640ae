package org.gpsros.msg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.msg.runtime.ServiceType;

/** Test resources (genmsg/genpy expectations, reference tables) and the generated type catalogs. */
final class TestData {
    private TestData() {
    }

    /** @return the text of a class-path resource, or empty if there is none */
    static Optional<String> resource(String path) {
        try (InputStream in = TestData.class.getResourceAsStream("/" + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String requireResource(String path) {
        return resource(path).orElseThrow(() -> new AssertionError("missing test resource " + path));
    }

    /** @return "key value" lines of a resource (comments and blank lines skipped), in file order */
    static Map<String, String> table(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : requireResource(path).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            out.put(parts[0], parts[1]);
        }
        return out;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** @return every generated message type, production and test-only */
    static List<MessageType<?>> allMessageTypes() {
        List<MessageType<?>> all = new ArrayList<>(MessageCatalog.messageTypes());
        all.addAll(TestMessageCatalog.messageTypes());
        return all;
    }

    /** @return every generated service type, production and test-only */
    static List<ServiceType<?, ?>> allServiceTypes() {
        List<ServiceType<?, ?>> all = new ArrayList<>(MessageCatalog.serviceTypes());
        all.addAll(TestMessageCatalog.serviceTypes());
        return all;
    }

    /** @return the generated message type of a ROS name, from either catalog */
    static MessageType<?> messageType(String rosName) {
        return MessageCatalog.messageType(rosName).or(() -> TestMessageCatalog.messageType(rosName))
                .orElseThrow(() -> new AssertionError("no generated type " + rosName));
    }
}
