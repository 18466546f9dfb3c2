package dev.offhours.simulator;

import java.util.Objects;

/** One spoke account in one region: the unit that owns resources and (per API family) a token bucket. */
public record AccountRegion(String account, String region) implements Comparable<AccountRegion> {
    public AccountRegion {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }

    @Override
    public int compareTo(AccountRegion other) {
        int byAccount = account.compareTo(other.account);
        return byAccount != 0 ? byAccount : region.compareTo(other.region);
    }

    @Override
    public String toString() {
        return account + "/" + region;
    }
}
