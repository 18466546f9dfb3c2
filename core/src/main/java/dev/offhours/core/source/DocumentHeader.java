package dev.offhours.core.source;

import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Checks {@code apiVersion} and {@code kind}, which every document starts with. */
final class DocumentHeader {

    private DocumentHeader() {
    }

    /**
     * @param expectedKind the kind a file at this place must have
     * @param place        where such files live, for the message, e.g. "files under schedules/"
     */
    static void check(MappingFields root, String expectedKind, String place, FileProblems problems) {
        root.required("apiVersion", "apiVersion: " + Syntax.API_VERSION).ifPresent(node -> {
            Optional<String> version = Values.text(node, "apiVersion", "'" + Syntax.API_VERSION + "'", problems);
            if (version.isPresent() && !version.get().equals(Syntax.API_VERSION)) {
                problems.at(node, "apiVersion '" + version.get() + "' is not supported; use '" + Syntax.API_VERSION
                        + "'");
            }
        });
        root.required("kind", "kind: " + expectedKind).ifPresent(node -> {
            Optional<String> kind = Values.text(node, "kind", "'" + expectedKind + "'", problems);
            if (kind.isPresent() && !kind.get().equals(expectedKind)) {
                problems.at(node, "kind '" + kind.get() + "' is not valid here; " + place + " must have 'kind: "
                        + expectedKind + "'");
            }
        });
    }

    static String fileName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** Reports a {@code metadata.name} that differs from the file's name, at the name. */
    static void checkFileName(Located<String> name, String path, FileProblems problems) {
        String fileName = fileName(path);
        if (!fileName.equals(name.value())) {
            String extension = path.substring(path.lastIndexOf('.'));
            problems.at(name.node(), "metadata.name '" + name.value() + "' does not match the file name '" + fileName
                    + extension + "'; rename the file to '" + name.value() + extension + "' or set the name to '"
                    + fileName + "'");
        }
    }
}
