package dev.offhours.reconciler.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields still holding {@code ${VARIABLE}} after substitution. Substitution is lenient (the example file has
 * such expressions in comments too), so an unset variable survives as text and must be named here, with the field
 * and what to do, rather than fail later as a strange URL or token. Values are never printed: they may be secrets.
 */
public final class UnsetVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}:]*)");

    private UnsetVariables() {
    }

    /** @param values field name to its value after substitution; null values are not given */
    public static List<FieldProblem> in(Map<String, String> values) {
        List<FieldProblem> problems = new ArrayList<>();
        values.forEach((field, value) -> {
            if (value == null) {
                return;
            }
            Set<String> names = new LinkedHashSet<>();
            Matcher m = VARIABLE.matcher(value);
            while (m.find()) {
                names.add(m.group(1));
            }
            names.forEach(name -> problems.add(new FieldProblem(field, message(name))));
        });
        return problems;
    }

    private static String message(String name) {
        return "names the environment variable " + name + " (${" + name + "}), which is not set where offhours "
                + "runs: set " + name + ", or write the value in place";
    }
}
