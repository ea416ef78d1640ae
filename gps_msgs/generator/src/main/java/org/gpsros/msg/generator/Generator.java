package org.gpsros.msg.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Command-line entry point: reads ROS packages' {@code .msg}/{@code .srv} files and writes Java sources.
 *
 * <pre>
 * Generator --output DIR [--base-package org.gpsros.msg] [--catalog org.gpsros.msg.MessageCatalog]
 *           --package NAME=DIR ...   (generate code for this ROS package)
 *           --include NAME=DIR ...   (only resolve types from it; its code is generated elsewhere)
 * </pre>
 *
 * <p>Files are rewritten only when their content changes; {@code .java} files left in the output folder from an
 * earlier run and not generated now are deleted. The output folder must be empty, absent or one this generator
 * wrote before (it keeps a marker file there), so a wrong path cannot wipe sources.
 */
public final class Generator {
    /** Name of the marker file the generator keeps in its output folder. */
    public static final String MARKER = ".gps-msgs-generator";

    private Generator() {
    }

    /**
     * Runs the generator and prints a summary; never calls {@code System.exit} (Maven runs it in its own JVM).
     *
     * @param args see the class comment
     * @throws IOException        if reading or writing fails
     * @throws MsgSpecException   if a definition is invalid
     * @throws IllegalArgumentException if the arguments are wrong
     */
    public static void main(String[] args) throws IOException {
        System.out.println("[gps-msgs-generator] " + run(args));
    }

    /**
     * Runs the generator without printing.
     *
     * @param args see the class comment
     * @return a one-line summary of what was generated
     * @throws IOException        if reading or writing fails
     * @throws MsgSpecException   if a definition is invalid
     * @throws IllegalArgumentException if the arguments are wrong
     */
    public static String run(String[] args) throws IOException {
        Path output = null;
        String basePackage = "org.gpsros.msg";
        String catalog = null;
        Map<String, Path> generate = new LinkedHashMap<>();
        Map<String, Path> include = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--output":
                    output = Paths.get(value);
                    break;
                case "--base-package":
                    basePackage = value;
                    break;
                case "--catalog":
                    catalog = value;
                    break;
                case "--package":
                case "--include": {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException(option + " needs NAME=DIR, got " + value);
                    }
                    (option.equals("--package") ? generate : include).put(value.substring(0, eq),
                            Paths.get(value.substring(eq + 1)));
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (output == null || generate.isEmpty()) {
            throw new IllegalArgumentException("usage: Generator --output DIR --package NAME=DIR ... [--include NAME=DIR]"
                    + " [--base-package P] [--catalog CLASS]");
        }
        List<GeneratedFile> files = generate(generate, include, basePackage, catalog);
        int written = write(output, files);
        return files.size() + " files for " + generate.keySet() + " in " + output + " (" + written + " changed)";
    }

    /**
     * Loads the packages and produces the Java sources.
     *
     * @param generate    packages to generate code for, name to folder
     * @param include     packages only used to resolve types, name to folder
     * @param basePackage Java base package
     * @param catalog     fully qualified catalog class, or null for none
     * @return the generated files, sorted by path
     * @throws IOException if a definition cannot be read
     */
    public static List<GeneratedFile> generate(Map<String, Path> generate, Map<String, Path> include,
            String basePackage, String catalog) throws IOException {
        MsgContext context = new MsgContext();
        for (Map.Entry<String, Path> e : include.entrySet()) {
            context.loadPackage(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Path> e : generate.entrySet()) {
            context.loadPackage(e.getKey(), e.getValue());
        }
        context.validate();
        JavaEmitter emitter = new JavaEmitter(context, basePackage);
        Set<String> packages = generate.keySet();
        List<MsgSpec> messages = new ArrayList<>();
        List<SrvSpec> services = new ArrayList<>();
        List<GeneratedFile> files = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (MsgSpec m : context.messages()) {
            if (packages.contains(m.packageName())) {
                messages.add(m);
                addUnique(files, paths, emitter.message(m));
            }
        }
        for (SrvSpec s : context.services()) {
            if (packages.contains(s.packageName())) {
                services.add(s);
                addUnique(files, paths, emitter.service(s));
            }
        }
        for (String p : new TreeSet<>(packages)) {
            addUnique(files, paths, emitter.packageInfo(p));
        }
        if (catalog != null) {
            addUnique(files, paths, emitter.catalog(catalog, messages, services));
        }
        files.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
        return files;
    }

    private static void addUnique(List<GeneratedFile> files, Set<String> paths, GeneratedFile file) {
        if (!paths.add(file.relativePath())) {
            throw new MsgSpecException("two types map to the same Java file " + file.relativePath()
                    + " (a message and a service of the same name, or a service's Request/Response clashing with a"
                    + " message)");
        }
        files.add(file);
    }

    /**
     * Writes the files below the output folder, only where changed, and deletes stale generated files.
     *
     * @return the number of files written
     */
    static int write(Path output, List<GeneratedFile> files) throws IOException {
        Path marker = output.resolve(MARKER);
        if (Files.isDirectory(output) && !Files.exists(marker)) {
            try (Stream<Path> entries = Files.list(output)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("output folder " + output + " is not empty and was not written"
                            + " by this generator (no " + MARKER + "); refusing to write into it");
                }
            }
        }
        Files.createDirectories(output);
        Files.writeString(marker, "Written by org.gpsros.msg.generator.Generator; stale .java files here are deleted.\n");
        Set<Path> wanted = new HashSet<>();
        int written = 0;
        for (GeneratedFile f : files) {
            Path target = output.resolve(f.relativePath());
            wanted.add(target.toAbsolutePath().normalize());
            byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
            if (Files.exists(target) && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            written++;
        }
        List<Path> stale;
        try (Stream<Path> all = Files.walk(output)) {
            stale = all.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .filter(p -> !wanted.contains(p.toAbsolutePath().normalize())).toList();
        }
        for (Path p : stale) {
            Files.delete(p);
        }
        return written;
    }
}
