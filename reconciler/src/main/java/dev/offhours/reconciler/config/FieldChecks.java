package dev.offhours.reconciler.config;

import java.util.List;

/**
 * A configuration section whose checks need a message per case (which variable, which list entry): a fixed
 * validation message could only list every candidate. Validated through {@link CheckedFields}.
 */
public interface FieldChecks {

    List<FieldProblem> fieldProblems();
}
