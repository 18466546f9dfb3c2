package dev.offhours.core.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code accounts.yaml} document ({@code kind: AccountRegistry}). */
public record AccountRegistry(List<Account> accounts) {
    public static final AccountRegistry EMPTY = new AccountRegistry(List.of());

    public AccountRegistry {
        accounts = List.copyOf(accounts);
    }

    public Optional<Account> byAliasOrId(String aliasOrId) {
        return accounts.stream().filter(a -> a.alias().equals(aliasOrId) || a.id().equals(aliasOrId)).findFirst();
    }

    public List<Account> group(String group) {
        return accounts.stream().filter(a -> a.groups().contains(group)).toList();
    }

    /**
     * The accounts a scope selects: aliases, ids and {@code group:<name>} selectors; an empty selector list
     * selects every account. Unknown selectors select nothing (the validator reports them).
     */
    public List<Account> select(List<String> selectors) {
        if (selectors.isEmpty()) {
            return accounts;
        }
        Map<String, Account> chosen = new LinkedHashMap<>();
        for (String selector : selectors) {
            if (selector.startsWith("group:")) {
                group(selector.substring("group:".length())).forEach(a -> chosen.putIfAbsent(a.id(), a));
            } else {
                byAliasOrId(selector).ifPresent(a -> chosen.putIfAbsent(a.id(), a));
            }
        }
        return List.copyOf(chosen.values());
    }
}
