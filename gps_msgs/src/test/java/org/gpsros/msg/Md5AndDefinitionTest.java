package org.gpsros.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gpsros.msg.gps_msgs.ResetCondition;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.msg.runtime.ServiceType;
import org.gpsros.msg.std_srvs.Trigger;
import org.junit.jupiter.api.Test;

/**
 * md5 sums and definition texts of every generated type equal genmsg's. Expectations: src/test/resources/genmsg/,
 * written by gps_msgs/tools/genmsg_expectations.py with Debian's python3-genmsg 0.6.0 from our .msg/.srv files;
 * reference/gps_msgs-md5.txt is shared/reference/gps_msgs-md5.txt (gps_agent_pkg's sums, checked upstream).
 */
class Md5AndDefinitionTest {
    private static final Map<String, String> GENMSG_MD5 = TestData.table("genmsg/md5.txt");

    @Test
    void everyGeneratedTypeHasGenmsgsMd5() {
        Set<String> generated = new TreeSet<>();
        for (MessageType<?> type : TestData.allMessageTypes()) {
            generated.add(type.name());
            assertEquals(GENMSG_MD5.get(type.name()), type.md5(), type.name());
        }
        for (ServiceType<?, ?> type : TestData.allServiceTypes()) {
            generated.add(type.name());
            assertEquals(GENMSG_MD5.get(type.name()), type.md5(), type.name());
            assertEquals(type.name() + "Request", type.request().name());
            assertEquals(type.name() + "Response", type.response().name());
        }
        assertEquals(new TreeSet<>(GENMSG_MD5.keySet()), generated, "generated types vs genmsg's table");
    }

    @Test
    void gpsAgentPkgAndStandardTypesHaveTheReferenceMd5() {
        Map<String, String> reference = new HashMap<>(TestData.table("reference/gps_msgs-md5.txt"));
        reference.remove("std_msgs/Time"); // listed for reference only; not a type we use
        assertEquals(18, reference.size());
        for (Map.Entry<String, String> e : reference.entrySet()) {
            String md5 = MessageCatalog.messageType(e.getKey()).map(MessageType::md5)
                    .or(() -> MessageCatalog.serviceType(e.getKey()).map(ServiceType::md5))
                    .orElseThrow(() -> new AssertionError("not generated: " + e.getKey()));
            assertEquals(e.getValue(), md5, e.getKey());
        }
        assertEquals("04466b7105be234f831db431c410ea7a", TrialCommand.TYPE.md5());
        assertEquals("65c705ad0929946ba5ca32a60a280015", ResetCondition.TYPE.md5());
        assertEquals("937c9679a518e3a18d831e57125ea522", Trigger.TYPE.md5());
    }

    @Test
    void everyDefinitionEqualsGenmsgsFullText() {
        int compared = 0;
        for (MessageType<?> type : TestData.allMessageTypes()) {
            String expected = TestData.requireResource("genmsg/fulltext/" + type.name().replace("/", "__") + ".txt");
            assertEquals(expected, type.definition(), type.name());
            compared++;
        }
        assertEquals(40, compared);
    }

    @Test
    void definitionListsDependenciesAfterSeparators() {
        String separator = "\n" + "=".repeat(80) + "\nMSG: ";
        String definition = TrialCommand.TYPE.definition();
        assertTrue(definition.startsWith("# Run one trial on the robot."));
        int controller = definition.indexOf(separator + "gps_msgs/ControllerParams\n");
        int caffe = definition.indexOf(separator + "gps_msgs/CaffeParams\n");
        int lingauss = definition.indexOf(separator + "gps_msgs/LinGaussParams\n");
        int tf = definition.indexOf(separator + "gps_msgs/TfParams\n");
        assertTrue(0 < controller && controller < caffe && caffe < lingauss && lingauss < tf, definition);
    }
}
