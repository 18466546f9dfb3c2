package dev.offhours.core.schedule;

import java.util.List;

/**
 * Where a schedule may act. {@code accounts} holds account aliases, 12-digit ids or {@code group:<name>}
 * selectors; an empty list means every onboarded account, an empty {@code regions} every region of each account.
 */
public record Scope(List<String> accounts, List<String> regions) {
    public static final Scope EVERYWHERE = new Scope(List.of(), List.of());

    public Scope {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
    }
}
