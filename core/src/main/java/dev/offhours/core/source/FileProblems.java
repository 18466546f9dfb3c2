package dev.offhours.core.source;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file; SnakeYAML marks count from 0, problems from 1. */
final class FileProblems {

    private final String path;
    private final List<Problem> problems;

    FileProblems(String path) {
        this(path, new ArrayList<>());
    }

    /** Adds to {@code problems}, which may be shared by several files. */
    FileProblems(String path, List<Problem> problems) {
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    void at(Node node, String message) {
        at(node == null ? null : node.getStartMark(), message);
    }

    void at(Mark mark, String message) {
        if (mark == null) {
            wholeFile(message);
        } else {
            problems.add(new Problem(path, mark.getLine() + 1, mark.getColumn() + 1, message));
        }
    }

    /** At a line and column counted from 1, for what the parser did not mark itself. */
    void atLine(int line, int column, String message) {
        problems.add(new Problem(path, line, column, message));
    }

    /** A problem about the file as a whole (line and column 0, as {@link Problem} documents). */
    void wholeFile(String message) {
        problems.add(new Problem(path, 0, 0, message));
    }

    int count() {
        return problems.size();
    }

    List<Problem> list() {
        return problems;
    }
}
