package dev.offhours.reconciler.git;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Every text an exception would put into a log: messages along the cause chain and the printed stack trace. */
final class SecretLeaks {

    private SecretLeaks() {
    }

    static List<String> texts(Throwable e) {
        List<String> texts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        texts.add(trace.toString());
        return texts;
    }
}
