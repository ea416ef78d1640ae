package org.gpsros.msg.generator;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A set of loaded message and service definitions with genmsg's derived values: md5 text, md5 sum and full
 * definition text ({@code genmsg/gentools.py} {@code compute_md5_text}, {@code compute_md5},
 * {@code compute_full_text}), plus wire-size facts the Java emitter needs.
 *
 * <p>md5 text: constants first ({@code type name=value}), then one line per field: {@code type name} for builtins
 * (type as written, array suffix included), {@code <md5 of the type> name} for message types (no array suffix);
 * lines joined by {@code \n}, stripped. A service's md5 is the MD5 of its request text followed directly by its
 * response text. Full text: the raw text, then for each dependency (depth-first in field order, each once) a line
 * of 80 {@code =}, {@code MSG: pkg/Name} and that type's raw text.
 */
public final class MsgContext {
    private final Map<String, MsgSpec> messages = new TreeMap<>();
    private final Map<String, SrvSpec> services = new TreeMap<>();
    private final Map<String, String> md5Cache = new HashMap<>();

    /**
     * Loads every {@code msg/*.msg} and {@code srv/*.srv} file of a ROS package folder.
     *
     * @param packageName the ROS package name
     * @param packageDir  the package folder (its {@code msg/} and {@code srv/} sub-folders are read if present)
     * @return the full names of the types loaded from this package (messages, then services)
     * @throws IOException if a file cannot be read
     */
    public List<String> loadPackage(String packageName, Path packageDir) throws IOException {
        if (!Files.isDirectory(packageDir)) {
            throw new MsgSpecException("package " + packageName + ": folder " + packageDir + " does not exist");
        }
        List<String> loaded = new ArrayList<>();
        for (Path file : list(packageDir.resolve("msg"), ".msg")) {
            String name = packageName + "/" + baseName(file, ".msg");
            addMessage(MsgParser.parseMsg(read(file), name, file.toString()));
            loaded.add(name);
        }
        for (Path file : list(packageDir.resolve("srv"), ".srv")) {
            String name = packageName + "/" + baseName(file, ".srv");
            addService(MsgParser.parseSrv(read(file), name, file.toString()));
            loaded.add(name);
        }
        return loaded;
    }

    /** Adds a parsed message. */
    public void addMessage(MsgSpec spec) {
        if (messages.containsKey(spec.fullName())) {
            throw new MsgSpecException(spec.source() + ": message " + spec.fullName() + " is defined twice (also in "
                    + messages.get(spec.fullName()).source() + ")");
        }
        messages.put(spec.fullName(), spec);
        md5Cache.clear();
    }

    /** Adds a parsed service; its request and response become messages too. */
    public void addService(SrvSpec spec) {
        if (services.containsKey(spec.fullName())) {
            throw new MsgSpecException(spec.source() + ": service " + spec.fullName() + " is defined twice");
        }
        services.put(spec.fullName(), spec);
        addMessage(spec.request());
        addMessage(spec.response());
    }

    /** @return every loaded message, requests and responses of services included, by full name */
    public Collection<MsgSpec> messages() {
        return messages.values();
    }

    /** @return every loaded service, by full name */
    public Collection<SrvSpec> services() {
        return services.values();
    }

    /** @return the message of that full name, if loaded */
    public Optional<MsgSpec> message(String fullName) {
        return Optional.ofNullable(messages.get(fullName));
    }

    /** @return the service of that full name, if loaded */
    public Optional<SrvSpec> service(String fullName) {
        return Optional.ofNullable(services.get(fullName));
    }

    /**
     * Checks that every message type used by a field is loaded and that no message contains itself.
     *
     * @throws MsgSpecException naming the file, field and missing type
     */
    public void validate() {
        for (MsgSpec spec : messages.values()) {
            for (Field field : spec.fields()) {
                if (field.type().isMessage() && !messages.containsKey(field.type().baseType())) {
                    throw new MsgSpecException(spec.source() + ": field '" + field.name() + "' of " + spec.fullName()
                            + " has type " + field.type().baseType() + ", which is not defined in any package given"
                            + " to the generator");
                }
            }
        }
        for (MsgSpec spec : messages.values()) {
            checkNoCycle(spec, new LinkedHashSet<>());
        }
    }

    private void checkNoCycle(MsgSpec spec, LinkedHashSet<String> path) {
        if (!path.add(spec.fullName())) {
            throw new MsgSpecException(spec.source() + ": " + spec.fullName() + " contains itself: "
                    + String.join(" -> ", path) + " -> " + spec.fullName());
        }
        for (Field field : spec.fields()) {
            if (field.type().isMessage()) {
                checkNoCycle(require(field.type().baseType()), path);
            }
        }
        path.remove(spec.fullName());
    }

    /** @return genmsg's md5 text of a message (what its md5 sum hashes) */
    public String md5Text(String fullName) {
        MsgSpec spec = require(fullName);
        StringBuilder b = new StringBuilder();
        for (Constant c : spec.constants()) {
            b.append(c.type().rosName()).append(' ').append(c.name()).append('=').append(c.valueText()).append('\n');
        }
        for (Field f : spec.fields()) {
            if (f.type().isMessage()) {
                b.append(md5(f.type().baseType())).append(' ').append(f.name()).append('\n');
            } else {
                b.append(f.type().written()).append(' ').append(f.name()).append('\n');
            }
        }
        return MsgParser.pyStrip(b.toString());
    }

    /** @return the md5 sum of a message (hex, lower case) */
    public String md5(String fullName) {
        String cached = md5Cache.get(fullName);
        if (cached == null) {
            cached = hex(md5Text(fullName));
            md5Cache.put(fullName, cached);
        }
        return cached;
    }

    /** @return the md5 sum of a service: MD5(request md5 text + response md5 text) */
    public String serviceMd5(String fullName) {
        SrvSpec srv = Optional.ofNullable(services.get(fullName))
                .orElseThrow(() -> new MsgSpecException("unknown service " + fullName));
        return hex(md5Text(srv.request().fullName()) + md5Text(srv.response().fullName()));
    }

    /** @return genmsg's full definition text (the TCPROS {@code message_definition}) */
    public String fullText(String fullName) {
        MsgSpec spec = require(fullName);
        StringBuilder b = new StringBuilder(spec.text()).append('\n');
        for (String dep : allDependencies(fullName)) {
            b.append("=".repeat(80)).append('\n');
            b.append("MSG: ").append(dep).append('\n');
            b.append(require(dep).text()).append('\n');
        }
        return b.substring(0, b.length() - 1);
    }

    /** @return the message types a message uses, directly or not: depth-first in field order, each once */
    public List<String> allDependencies(String fullName) {
        Set<String> out = new LinkedHashSet<>();
        collectDependencies(fullName, out);
        return new ArrayList<>(out);
    }

    private void collectDependencies(String fullName, Set<String> out) {
        for (Field f : require(fullName).fields()) {
            if (f.type().isMessage()) {
                out.add(f.type().baseType());
                collectDependencies(f.type().baseType(), out);
            }
        }
    }

    /** @return the wire size of every value of the message if that is constant (no strings, no T[]), else empty */
    public Optional<Long> fixedWireSize(String fullName) {
        long size = 0;
        for (Field f : require(fullName).fields()) {
            FieldType t = f.type();
            if (t.isVariableArray()) {
                return Optional.empty();
            }
            long element;
            if (t.isMessage()) {
                Optional<Long> nested = fixedWireSize(t.baseType());
                if (nested.isEmpty()) {
                    return Optional.empty();
                }
                element = nested.get();
            } else {
                BuiltinType b = t.builtin().orElseThrow();
                if (!b.isFixedSize()) {
                    return Optional.empty();
                }
                element = b.minWireSize();
            }
            size += t.isFixedArray() ? element * t.fixedLength() : element;
        }
        return Optional.of(size);
    }

    /** @return the smallest wire size of a value of the message (empty strings and arrays) */
    public long minWireSize(String fullName) {
        long size = 0;
        for (Field f : require(fullName).fields()) {
            FieldType t = f.type();
            if (t.isVariableArray()) {
                size += 4;
                continue;
            }
            long element = t.isMessage() ? minWireSize(t.baseType()) : t.builtin().orElseThrow().minWireSize();
            size += t.isFixedArray() ? element * t.fixedLength() : element;
        }
        return size;
    }

    private MsgSpec require(String fullName) {
        MsgSpec spec = messages.get(fullName);
        if (spec == null) {
            throw new MsgSpecException("unknown message type " + fullName);
        }
        return spec;
    }

    /** @return the lower-case hex MD5 of the UTF-8 bytes of a text */
    public static String hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(32);
            for (byte d : digest) {
                b.append(Character.forDigit((d >> 4) & 0xf, 16)).append(Character.forDigit(d & 0xf, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    private static List<Path> list(Path dir, String extension) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(extension) && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    private static String baseName(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - extension.length());
    }

    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MsgSpecException(file + ": not valid UTF-8");
        }
    }
}
