package dev.offhours.reconciler.dispatch;

import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a dispatch's work items into messages by account: each account's items (in their order; accounts in the order
 * they first appear) in bundles of at most {@link WorkItemCodec#MAX_BUNDLE_ITEMS} items and
 * {@link WorkItemCodec#MAX_BUNDLE_BYTES} bytes, so that the worker that receives a bundle assumes the account's role
 * once for all of it. A lone item (an account with one target, or the rest after full bundles) goes as a plain single
 * item: the form every worker reads and the one retries and dead letters travel in, with nothing gained by wrapping it.
 */
final class AccountBundles {

    /** One message to send: its body and the items it carries, all of one account. */
    record Message(String body, String account, int items) {
    }

    private AccountBundles() {
    }

    static List<Message> of(List<WorkItem> items, WorkItemCodec codec) {
        Map<String, List<WorkItem>> byAccount = new LinkedHashMap<>();
        for (WorkItem item : items) {
            byAccount.computeIfAbsent(item.target().account(), account -> new ArrayList<>()).add(item);
        }
        List<Message> messages = new ArrayList<>();
        byAccount.forEach((account, ofAccount) -> bundle(account, ofAccount, codec, messages));
        return messages;
    }

    private static void bundle(String account, List<WorkItem> items, WorkItemCodec codec, List<Message> messages) {
        List<WorkItem> bundle = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        long bytes = 0;
        for (WorkItem item : items) {
            String body = codec.encode(item);
            int size = body.getBytes(StandardCharsets.UTF_8).length;
            boolean full = bundle.size() == WorkItemCodec.MAX_BUNDLE_ITEMS
                    || WorkItemCodec.bundleBytes(bundle.size() + 1, bytes + size) > WorkItemCodec.MAX_BUNDLE_BYTES;
            if (!bundle.isEmpty() && full) {
                messages.add(message(account, bundle, bodies, codec));
                bundle = new ArrayList<>();
                bodies = new ArrayList<>();
                bytes = 0;
            }
            bundle.add(item);
            bodies.add(body);
            bytes += size;
        }
        if (!bundle.isEmpty()) {
            messages.add(message(account, bundle, bodies, codec));
        }
    }

    /** An item too large to share a bundle goes alone, as a single item (SqsBatches checks the message limit). */
    private static Message message(String account, List<WorkItem> bundle, List<String> bodies, WorkItemCodec codec) {
        String body = bundle.size() == 1 ? bodies.get(0) : codec.encodeBundle(bundle);
        return new Message(body, account, bundle.size());
    }
}
