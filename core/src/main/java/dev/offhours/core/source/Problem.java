package dev.offhours.core.source;

/**
 * One validation error, located in the repository. Printed as {@code path:line:column: message}; lines and
 * columns count from 1. A problem of a whole file has line and column 0 and is printed {@code path: message}, as
 * no editor can jump to a line 0.
 */
public record Problem(String path, int line, int column, String message) implements Comparable<Problem> {

    @Override
    public String toString() {
        return line == 0 ? path + ": " + message : path + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = path.compareTo(o.path);
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        if (c == 0) {
            c = Integer.compare(column, o.column);
        }
        return c == 0 ? message.compareTo(o.message) : c;
    }
}
