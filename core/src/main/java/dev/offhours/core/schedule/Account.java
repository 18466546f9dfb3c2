package dev.offhours.core.schedule;

import java.util.List;

/** An onboarded spoke account from {@code accounts.yaml}. {@code id} is the 12-digit AWS account id. */
public record Account(String id, String alias, List<String> regions, List<String> groups) {
    public Account {
        regions = List.copyOf(regions);
        groups = List.copyOf(groups);
    }
}
