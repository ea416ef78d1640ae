package org.gpsros.ros.names;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The small part of YAML that {@code _param:=value} arguments use: booleans, integers, floats (with
 * {@code .inf}/{@code .nan}), quoted and plain strings and flow lists {@code [a, b]} of those (YAML 1.1 core
 * schema, as PyYAML's {@code safe_load} reads them).
 */
final class YamlScalars {
    private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?"
            + "|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+");

    private YamlScalars() {
    }

    static Object parse(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            List<Object> out = new ArrayList<>();
            String inner = s.substring(1, s.length() - 1).strip();
            if (!inner.isEmpty()) {
                for (String item : splitTopLevel(inner)) {
                    out.add(parse(item));
                }
            }
            return out;
        }
        if (s.length() >= 2 && ((s.startsWith("'") && s.endsWith("'")) || (s.startsWith("\"") && s.endsWith("\"")))) {
            return s.substring(1, s.length() - 1);
        }
        switch (s) {
            case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON":
                return Boolean.TRUE;
            case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF":
                return Boolean.FALSE;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            default:
                break;
        }
        if (INT.matcher(s).matches()) {
            String digits = s.replace("_", "");
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                return Double.parseDouble(digits);
            }
        }
        if (FLOAT.matcher(s).matches() && !s.equals(".") && !s.equals("-.") && !s.equals("+.")) {
            return Double.parseDouble(s.replace("_", ""));
        }
        return s;
    }

    private static List<String> splitTopLevel(String inner) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(inner.substring(start, i));
                start = i + 1;
            }
        }
        items.add(inner.substring(start));
        return items;
    }
}
