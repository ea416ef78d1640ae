package org.gpsros.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads experiment YAML files into {@link ExperimentConfig} and writes resolved configs back. Strict: an unknown
 * key, a value of the wrong type or a missing required field is a {@link ConfigException} whose one-line message
 * names the file, the full key path and what was expected.
 */
public final class ConfigLoader {
    private static final ObjectMapper MAPPER = YAMLMapper.builder(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private ConfigLoader() {
    }

    /** Loads and validates a config file. */
    public static ExperimentConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString());
    }

    /** Parses config text; {@code source} names it in error messages. */
    public static ExperimentConfig parse(String text, String source) {
        if (text.isBlank()) {
            throw new ConfigException(source + ": the file is empty");
        }
        com.fasterxml.jackson.databind.JsonNode tree = null;
        try {
            tree = MAPPER.readTree(text);
            return MAPPER.treeToValue(tree, ExperimentConfig.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(source + ": " + describe(e, tree), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            String reason = e.getOriginalMessage().strip().lines().findFirst().orElse("syntax error");
            throw new ConfigException(source + ": not valid YAML" + where + " (" + reason + ")", e);
        }
    }

    /** The config as YAML, every default filled in. */
    public static String toYaml(ExperimentConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the config as YAML", e);
        }
    }

    private static String describe(JsonMappingException e, com.fasterxml.jackson.databind.JsonNode tree) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return path + ": unknown key (expected one of: " + known + ")";
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return path + ": unknown type '" + typeId.getTypeId() + "' (" + knownTypes(typeId) + ")";
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            String message = instantiation.getCause().getMessage();
            return message != null && message.contains(":") ? message : path + ": " + message;
        }
        if (e instanceof InvalidFormatException format) {
            return path + ": expected " + typeName(format.getTargetType()) + ", got '" + format.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return path + ": expected " + typeName(mismatch.getTargetType()) + got(e, tree);
        }
        return path + ": " + e.getOriginalMessage();
    }

    /** ", got 'value'" for the scalar at the error's path, or nothing. */
    private static String got(JsonMappingException e, com.fasterxml.jackson.databind.JsonNode tree) {
        com.fasterxml.jackson.databind.JsonNode node = tree;
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (node == null) {
                return "";
            }
            node = reference.getFieldName() != null ? node.get(reference.getFieldName()) : node.get(reference.getIndex());
        }
        return node != null && node.isValueNode() ? ", got '" + node.asText() + "'" : "";
    }

    private static String knownTypes(InvalidTypeIdException e) {
        Class<?> base = e.getBaseType() == null ? null : e.getBaseType().getRawClass();
        if (base == CostTermConfig.class) {
            return "expected one of: action, state, fk, binary_region";
        }
        if (base == InitControllerConfig.class) {
            return "expected one of: lqr, pd";
        }
        return "not a known type";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(top level)" : path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == double[].class || java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT);
        }
        return "a " + type.getSimpleName() + " mapping";
    }
}
