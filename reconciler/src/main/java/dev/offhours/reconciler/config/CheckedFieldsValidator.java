package dev.offhours.reconciler.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/** One violation per problem, at the problem's field, so the output reads "git.token names ...". */
public final class CheckedFieldsValidator implements ConstraintValidator<CheckedFields, FieldChecks> {

    @Override
    public boolean isValid(FieldChecks section, ConstraintValidatorContext context) {
        if (section == null) {
            return true;
        }
        List<FieldProblem> problems = section.fieldProblems();
        if (problems.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (FieldProblem problem : problems) {
            context.buildConstraintViolationWithTemplate(escape(problem.message()))
                    .addPropertyNode(problem.field()).addConstraintViolation();
        }
        return false;
    }

    /** The message is text, not a template: braces and dollars (as in ${VARIABLE}) must reach the user as they are. */
    static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
