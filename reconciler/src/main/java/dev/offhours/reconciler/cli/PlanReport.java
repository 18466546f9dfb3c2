package dev.offhours.reconciler.cli;

import dev.offhours.core.plan.Plan;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.reconciler.git.GitRevision;
import java.util.Optional;

/**
 * Everything the plan output shows: both revisions, what validating them found, and the plan itself (absent when
 * the head revision is invalid: then there is nothing to plan, only problems to fix).
 */
record PlanReport(
        GitRevision base,
        RepositoryReadResult baseResult,
        GitRevision head,
        RepositoryReadResult headResult,
        Optional<Plan> plan) {
}
