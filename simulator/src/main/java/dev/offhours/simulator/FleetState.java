package dev.offhours.simulator;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** All accounts and their per-region resources, plus the accounts whose role cannot be assumed. */
final class FleetState {
    private final Set<String> accounts = ConcurrentHashMap.newKeySet();
    private final Set<String> deniedAccounts = ConcurrentHashMap.newKeySet();
    private final Map<AccountRegion, RegionState> regions = new ConcurrentSkipListMap<>();
    private final QuotaState quotas = new QuotaState();

    QuotaState quotas() {
        return quotas;
    }

    void addAccount(String account) {
        accounts.add(account);
    }

    boolean hasAccount(String account) {
        return accounts.contains(account);
    }

    Set<String> accounts() {
        return Collections.unmodifiableSet(new TreeSet<>(accounts));
    }

    /** The region's state; an account's region without resources is simply empty, as in AWS. */
    RegionState region(String account, String region) {
        return regions.computeIfAbsent(new AccountRegion(account, region), RegionState::new);
    }

    Map<AccountRegion, RegionState> regions() {
        return regions;
    }

    void deny(String account) {
        deniedAccounts.add(account);
    }

    void allow(String account) {
        deniedAccounts.remove(account);
    }

    boolean denied(String account) {
        return deniedAccounts.contains(account);
    }

    Set<String> deniedAccounts() {
        return Collections.unmodifiableSet(new TreeSet<>(deniedAccounts));
    }
}
