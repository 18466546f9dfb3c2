package dev.offhours.simulator;

import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Test helpers: a small deterministic fleet and the hub's way into a spoke. */
final class Spokes {
    static final Instant START = Instant.parse("2026-03-02T18:00:00Z");
    static final String REGION = "eu-central-1";
    static final String OTHER_REGION = "eu-west-1";

    private Spokes() {
    }

    /** Two accounts, two regions, manual time, no latency. */
    static FleetBuilder small(ManualTime time) {
        return SimulatedFleet.builder()
                .seed(7)
                .time(time)
                .noLatency()
                .accounts(2)
                .regions(REGION, OTHER_REGION)
                .asgsPerAccountRegion(3)
                .nodegroupsPerAccountRegion(2);
    }

    static ManualTime manualTime() {
        return FleetTime.manual(START);
    }

    static AwsCredentialsProvider assume(SimulatedFleet fleet, String account) {
        Credentials credentials = fleet.sts().assumeRole(r -> r.roleArn(fleet.roleArn(account))
                .roleSessionName("offhours-test").externalId("offhours")).credentials();
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()));
    }

    static String account(SimulatedFleet fleet, int index) {
        return fleet.accounts().stream().skip(index).findFirst().orElseThrow();
    }
}
