package org.gpsros.msg;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gpsros.msg.runtime.Duration;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageField;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.msg.runtime.Time;

/**
 * Random values of any generated message type, built from its record components and {@link MessageType#fields()}
 * (test code only; reflection is used to cover every type without hand-written generators). Deterministic in the
 * seed: SplittableRandom is SplitMix64.
 */
final class RandomMessages {
    private static final int MAX_ARRAY = 4;

    private final SplittableRandom random;

    RandomMessages(long seed) {
        this.random = new SplittableRandom(seed);
    }

    <T extends Message> T next(MessageType<T> type) {
        RecordComponent[] components = type.javaClass().getRecordComponents();
        List<MessageField> fields = type.fields();
        if (components.length != fields.size()) {
            throw new AssertionError(type.name() + ": " + components.length + " components, " + fields.size()
                    + " fields");
        }
        Object[] values = new Object[components.length];
        Class<?>[] classes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            MessageField field = fields.get(i);
            if (!components[i].getName().equals(field.javaName())) {
                throw new AssertionError(type.name() + ": component " + components[i].getName() + " vs field "
                        + field.javaName());
            }
            classes[i] = components[i].getType();
            values[i] = value(field, classes[i]);
        }
        try {
            Constructor<T> constructor = type.javaClass().getDeclaredConstructor(classes);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new AssertionError("constructor of " + type.name() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private int length(MessageField field) {
        return field.fixedLength() >= 0 ? field.fixedLength() : random.nextInt(MAX_ARRAY + 1);
    }

    private Object value(MessageField field, Class<?> javaType) {
        if (javaType.isArray()) {
            int n = length(field);
            Class<?> element = javaType.getComponentType();
            Object array = java.lang.reflect.Array.newInstance(element, n);
            for (int i = 0; i < n; i++) {
                java.lang.reflect.Array.set(array, i, scalar(element, field.baseType()));
            }
            return array;
        }
        if (javaType == List.class) {
            int n = length(field);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(element(field.baseType()));
            }
            return list;
        }
        return scalar(javaType, field.baseType());
    }

    private Object element(String rosType) {
        switch (rosType) {
            case "string":
                return string();
            case "time":
                return new Time(random.nextInt(), random.nextInt());
            case "duration":
                return new Duration(random.nextInt(), random.nextInt());
            default:
                return next(TestData.messageType(rosType));
        }
    }

    private Object scalar(Class<?> javaType, String rosType) {
        if (javaType == boolean.class) {
            return random.nextBoolean();
        } else if (javaType == byte.class) {
            return (byte) random.nextInt();
        } else if (javaType == short.class) {
            return (short) random.nextInt();
        } else if (javaType == int.class) {
            return random.nextInt();
        } else if (javaType == long.class) {
            return random.nextLong();
        } else if (javaType == float.class) {
            return (float) floating();
        } else if (javaType == double.class) {
            return floating();
        }
        return element(rosType);
    }

    private double floating() {
        switch (random.nextInt(8)) {
            case 0:
                return Double.NaN;
            case 1:
                return -0.0;
            case 2:
                return random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 3:
                return Double.longBitsToDouble(random.nextLong());
            default:
                return (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-10, 10));
        }
    }

    /** A string of ASCII, Latin-1, BMP and supplementary characters (always valid UTF-16). */
    private String string() {
        int n = random.nextInt(8);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(4)) {
                case 0:
                    b.append((char) random.nextInt(0, 0x80));
                    break;
                case 1:
                    b.append((char) random.nextInt(0x80, 0x800));
                    break;
                case 2:
                    int c = random.nextInt(0x800, 0x10000);
                    b.append(Character.isSurrogate((char) c) ? 'x' : (char) c);
                    break;
                default:
                    b.appendCodePoint(random.nextInt(0x10000, 0x110000));
            }
        }
        return b.toString();
    }
}
