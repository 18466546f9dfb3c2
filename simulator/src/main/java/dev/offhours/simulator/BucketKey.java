package dev.offhours.simulator;

import java.util.Objects;

/** Identifies one token bucket: an account, a region and an API family (AWS throttles per account and region). */
public record BucketKey(String account, String region, ApiFamily family) {
    public BucketKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(family, "family");
    }

    public AccountRegion accountRegion() {
        return new AccountRegion(account, region);
    }

    @Override
    public String toString() {
        return account + "/" + region + "/" + family.wireName();
    }
}
