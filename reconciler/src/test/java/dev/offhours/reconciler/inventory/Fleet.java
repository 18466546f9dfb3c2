package dev.offhours.reconciler.inventory;

import static dev.offhours.reconciler.inventory.DiscoveryTest.A;
import static dev.offhours.reconciler.inventory.DiscoveryTest.AWAKE;
import static dev.offhours.reconciler.inventory.DiscoveryTest.B;
import static dev.offhours.reconciler.inventory.DiscoveryTest.C;
import static dev.offhours.reconciler.inventory.DiscoveryTest.SAVED;
import static dev.offhours.reconciler.inventory.DiscoveryTest.SCHEDULE;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.work.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The spoke resources of the discovery tests. Every account has an opted-in ASG "web" and node group prod/ng-1, plus
 * an untagged ASG and node group that discovery must ignore; account B also has an ASG and a node group asleep with
 * their awake capacity saved in the tag.
 */
final class Fleet {

    final List<Target> optedIn = new ArrayList<>();
    Target sleepingAsg;
    Target sleepingNodegroup;

    static Fleet create(MotoSpokes spokes) {
        Fleet fleet = new Fleet();
        Map<String, String> web = Map.of(OffhoursTags.SCHEDULE, SCHEDULE, "team", "web");
        for (String account : List.of(A, B, C)) {
            fleet.optedIn.add(spokes.createAsg(account, "web", AWAKE, web));
            spokes.createAsg(account, "batch", AWAKE, Map.of("team", "batch"));
            fleet.optedIn.add(spokes.createNodegroup(account, "prod", "ng-1", AWAKE, Map.of(OffhoursTags.SCHEDULE, SCHEDULE)));
            spokes.createNodegroup(account, "prod", "ng-free", AWAKE, Map.of("team", "free"));
        }
        Map<String, String> asleep = new HashMap<>(Map.of(OffhoursTags.SCHEDULE, SCHEDULE,
                OffhoursTags.AWAKE_CAPACITY, OffhoursTags.formatCapacity(SAVED)));
        fleet.sleepingAsg = spokes.createAsg(B, "reports", new Capacity(0, 0, 0), asleep);
        fleet.sleepingNodegroup = spokes.createNodegroup(B, "prod", "ng-night", new Capacity(0, 0, 1), asleep);
        fleet.optedIn.add(fleet.sleepingAsg);
        fleet.optedIn.add(fleet.sleepingNodegroup);
        return fleet;
    }

    Set<String> optedIn(String account) {
        return optedIn.stream().filter(t -> t.account().equals(account)).map(Target::key).collect(Collectors.toSet());
    }

    int optedInCount() {
        return optedIn.size();
    }

    Target web(String account) {
        return Target.asg(account, MotoSpokes.REGION, "web");
    }

    Target nodegroup(String account) {
        return Target.nodegroup(account, MotoSpokes.REGION, "prod", "ng-1");
    }
}
