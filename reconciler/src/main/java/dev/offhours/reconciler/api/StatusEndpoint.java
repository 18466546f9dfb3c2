package dev.offhours.reconciler.api;

import dev.offhours.api.AccountView;
import dev.offhours.api.ConditionView;
import dev.offhours.api.OrphanView;
import dev.offhours.api.PageView;
import dev.offhours.api.StatusApi;
import dev.offhours.api.StatusView;
import dev.offhours.api.UnknownScheduleView;
import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.reconciler.reconcile.ConvergenceSnapshots;
import dev.offhours.reconciler.reconcile.FleetConvergence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /v1/status}, {@code /v1/accounts} and {@code /v1/orphans}: the control table's status item, account health
 * and orphan reports.
 */
public final class StatusEndpoint implements StatusApi {

    /** Accounts onboarded in the catalog that no discovery has reported on yet. */
    static final String NOT_YET_DISCOVERED = "UNKNOWN";

    private final ApiDependencies deps;
    private final InventoryCounts counts;
    private final ConvergenceSnapshots convergence;

    StatusEndpoint(ApiDependencies deps, InventoryCounts counts, ConvergenceSnapshots convergence) {
        this.deps = deps;
        this.counts = counts;
        this.convergence = convergence;
    }

    @Override
    public StatusView status() {
        InventoryCounts.Snapshot snapshot = counts.current();
        FleetConvergence fleet = convergence.current();
        ScheduleCatalog catalog = deps.catalog().get();
        int schedules = catalog.schedules().size();
        // a removed schedule's targets are being woken under its intent (convergence.removed), not a typo
        List<UnknownScheduleView> unknown = snapshot.unknownSchedules(catalog).stream()
                .filter(u -> deps.control().intent(u.schedule()).isEmpty()).toList();
        ReconcilerStatus s = deps.control().status().orElse(null);
        // the fleet's Converged condition is computed here, not stored: it follows the intents, not the reconciler
        List<ConditionView> conditions = new ArrayList<>();
        if (s != null) {
            s.conditions().stream().map(Views::condition).forEach(conditions::add);
        }
        conditions.add(ConvergenceViews.condition(fleet.condition()));
        return s == null
                ? new StatusView(null, null, null, null, conditions, List.of(), schedules, snapshot.total(),
                        Views.text(snapshot.countedAt()), ConvergenceViews.fleet(fleet), unknown)
                : new StatusView(s.appliedRevision(), s.lastFetchedRevision(), Views.text(s.lastFetchedAt()),
                        Views.text(s.updatedAt()), conditions, s.problems(), schedules, snapshot.total(),
                        Views.text(snapshot.countedAt()), ConvergenceViews.fleet(fleet), unknown);
    }

    @Override
    public PageView<AccountView> accounts(String cursor, String limitText) {
        int limit = Params.limit(limitText);
        List<String> position = ApiCursor.decode("accounts", 0, cursor);
        InventoryCounts.Snapshot snapshot = counts.current();
        TreeMap<String, AccountView> all = allAccounts(snapshot);
        var rest = position == null ? all.values() : all.tailMap(position.get(0), false).values();
        List<AccountView> views = new ArrayList<>();
        for (AccountView view : rest) {
            if (views.size() == limit) {
                AccountView last = views.get(views.size() - 1);
                return new PageView<>(views, ApiCursor.encode("accounts", List.of(), key(last)));
            }
            views.add(view);
        }
        return new PageView<>(views, null);
    }

    @Override
    public PageView<OrphanView> orphans(String cursor, String limitText) {
        int limit = Params.limit(limitText);
        List<String> position = ApiCursor.decode("orphans", 0, cursor);
        List<OrphanView> views = new ArrayList<>();
        for (OrphanReport report : deps.control().orphans()) { // ordered by target key; a few at most
            if (position != null && report.target().key().compareTo(position.get(0)) <= 0) {
                continue;
            }
            if (views.size() == limit) {
                return new PageView<>(views, ApiCursor.encode("orphans", List.of(), views.get(limit - 1).targetKey()));
            }
            views.add(Views.orphan(report));
        }
        return new PageView<>(views, null);
    }

    private TreeMap<String, AccountView> allAccounts(InventoryCounts.Snapshot snapshot) {
        ScheduleCatalog catalog = deps.catalog().get();
        TreeMap<String, AccountView> all = new TreeMap<>();
        for (Account account : catalog.accounts().accounts()) {
            for (String region : account.regions()) {
                Map<String, Long> targets = snapshot.accountRegion(account.id(), region);
                AccountView view = new AccountView(account.id(), account.alias(), region, NOT_YET_DISCOVERED, null,
                        null, Views.events(deps.eventsEnabled(), false, targets), null, 0, targets);
                all.put(key(view), view);
            }
        }
        for (AccountHealth health : deps.control().accountHealth()) {
            String alias = catalog.accounts().byAliasOrId(health.account()).map(Account::alias).orElse(null);
            AccountView view = Views.account(health, alias,
                    snapshot.accountRegion(health.account(), health.region()), deps.eventsEnabled());
            all.put(key(view), view);
        }
        all.replaceAll((key, view) -> view.withQuota(deps.quota().forAccount(view.account(), view.region()).stream()
                .map(Views::quotaCheck).toList()));
        return all;
    }

    private static String key(AccountView view) {
        return view.account() + "/" + view.region();
    }

}
