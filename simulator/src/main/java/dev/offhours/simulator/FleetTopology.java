package dev.offhours.simulator;

import java.util.List;

/** The shape of a generated fleet; see {@link FleetBuilder} for the meaning of each number. */
record FleetTopology(int accounts, long firstAccountId, List<String> regions, int asgsPerAccountRegion,
                     int untaggedAsgsPerAccountRegion, int nodegroupsPerAccountRegion, int clustersPerAccountRegion,
                     List<String> schedules, int deniedAccounts, List<String> deniedAccountIds, int stuckNodegroups) {
}
