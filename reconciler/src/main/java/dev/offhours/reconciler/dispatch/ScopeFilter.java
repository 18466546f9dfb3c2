package dev.offhours.reconciler.dispatch;

import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.work.Target;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Whether a target lies in a schedule's scope. A target tagged for a schedule but outside its scope (another
 * account, another region) is never acted on: the tag alone does not give a team power over someone else's account.
 */
public final class ScopeFilter implements Predicate<Target> {

    private final Set<String> accountIds; // null: every account
    private final Set<String> regions;    // empty: every region

    private ScopeFilter(Set<String> accountIds, Set<String> regions) {
        this.accountIds = accountIds;
        this.regions = regions;
    }

    public static ScopeFilter of(Scope scope, AccountRegistry accounts) {
        Set<String> ids = scope.accounts().isEmpty() ? null
                : accounts.select(scope.accounts()).stream().map(Account::id).collect(Collectors.toUnmodifiableSet());
        return new ScopeFilter(ids, Set.copyOf(scope.regions()));
    }

    @Override
    public boolean test(Target target) {
        return (accountIds == null || accountIds.contains(target.account()))
                && (regions.isEmpty() || regions.contains(target.region()));
    }
}
