package dev.offhours.core.source;

import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code accounts.yaml} ({@code kind: AccountRegistry}): {@code spec.accounts: [{id, alias, regions,
 * groups?}]}. Ids are exactly 12 digits (leading zeros kept), aliases are names, ids and aliases are unique.
 */
final class AccountsFileReader {

    /** {@code registry}: present when the file had no problem; {@code known}: every account that could be read. */
    record Draft(Optional<AccountRegistry> registry, AccountRegistry known) {
    }

    private final FileProblems problems;
    private final Map<String, Node> ids = new HashMap<>();
    private final Map<String, Node> aliases = new HashMap<>();

    private AccountsFileReader(FileProblems problems) {
        this.problems = problems;
    }

    static Draft read(Node root, FileProblems problems) {
        return new AccountsFileReader(problems).read(root);
    }

    private Draft read(Node rootNode) {
        int before = problems.count();
        List<Account> accounts = new ArrayList<>();
        MappingFields.read(rootNode, "", null, KnownFields.REGISTRY_ROOT, problems).ifPresent(root -> {
            DocumentHeader.check(root, "AccountRegistry", "accounts.yaml", problems);
            root.required("spec", "spec: {accounts: [...]}")
                    .flatMap(n -> MappingFields.read(n, "spec", root.keyMark("spec"), KnownFields.REGISTRY_SPEC,
                            problems))
                    .flatMap(spec -> spec.required("accounts", "accounts: [{id: \"123456789012\", alias: dev-payments,"
                            + " regions: [eu-central-1]}]"))
                    .flatMap(n -> Values.list(n, "spec.accounts", "[{id: \"123456789012\", alias: dev-payments,"
                            + " regions: [eu-central-1]}]", problems))
                    .ifPresent(items -> {
                        for (int i = 0; i < items.size(); i++) {
                            account(items.get(i), "spec.accounts[" + i + "]").ifPresent(accounts::add);
                        }
                    });
        });
        AccountRegistry known = new AccountRegistry(accounts);
        return new Draft(problems.count() == before ? Optional.of(known) : Optional.empty(), known);
    }

    private Optional<Account> account(Node node, String path) {
        Optional<MappingFields> fields = MappingFields.read(node, path, null, KnownFields.ACCOUNT, problems);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        MappingFields f = fields.get();
        Optional<String> id = f.required("id", "id: \"123456789012\"").flatMap(n -> id(n, f.pathOf("id")));
        Optional<String> alias = f.required("alias", "alias: dev-payments")
                .flatMap(n -> unique(Syntax.name(n, f.pathOf("alias"), "dev-payments", problems), n, aliases, "alias"));
        Optional<List<String>> regions = f.required("regions", "regions: [eu-central-1]")
                .map(n -> regions(n, f.pathOf("regions")));
        List<String> groups = f.optional("groups").map(n -> groups(n, f.pathOf("groups"))).orElse(List.of());
        if (id.isEmpty() || alias.isEmpty() || regions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Account(id.get(), alias.get(), regions.get(), groups));
    }

    private Optional<String> id(Node node, String path) {
        Optional<String> id = Values.text(node, path, "\"123456789012\"", problems);
        if (id.isPresent() && !Syntax.ACCOUNT_ID.matcher(id.get()).matches()) {
            problems.at(node, path + " '" + id.get() + "' is not an AWS account id; use exactly 12 digits, e.g."
                    + " \"012345678901\" (quoted, so that leading zeros stay)");
            return Optional.empty();
        }
        return unique(id, node, ids, "id");
    }

    private Optional<String> unique(Optional<String> value, Node node, Map<String, Node> seen, String what) {
        if (value.isPresent()) {
            Node first = seen.putIfAbsent(value.get(), node);
            if (first != null) {
                problems.at(node, "the account " + what + " '" + value.get() + "' is listed twice (first at line "
                        + (first.getStartMark().getLine() + 1) + "); each account " + what + " must be unique");
                return Optional.empty();
            }
        }
        return value;
    }

    private List<String> regions(Node node, String path) {
        List<String> regions = new ArrayList<>();
        Optional<List<Node>> read = Values.list(node, path, "[eu-central-1]", problems);
        List<Node> items = read.orElse(List.of());
        if (read.isPresent() && items.isEmpty()) {
            problems.at(node, path + " is empty; list the regions where offhours looks for resources, e.g."
                    + " [eu-central-1]");
        }
        for (int i = 0; i < items.size(); i++) {
            Syntax.region(items.get(i), path + "[" + i + "]", problems).ifPresent(regions::add);
        }
        return regions;
    }

    private List<String> groups(Node node, String path) {
        List<String> groups = new ArrayList<>();
        List<Node> items = Values.list(node, path, "[dev]", problems).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Syntax.name(items.get(i), path + "[" + i + "]", "dev", problems).ifPresent(groups::add);
        }
        return groups;
    }
}
