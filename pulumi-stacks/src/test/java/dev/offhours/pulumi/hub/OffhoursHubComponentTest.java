package dev.offhours.pulumi.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.pulumi.MockedStack;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link OffhoursHub} used from a program of its own, as a platform team would, through the builders. */
class OffhoursHubComponentTest {

    @Test
    void theBuilderDefaultsAreTheDocumentedOnes() {
        HubSettings settings = OffhoursHubArgs.builder().organizationId("o-a1b2c3d4e5").build().settings();
        assertThat(settings.prefix()).isEqualTo("offhours-");
        assertThat(settings.tables().operations()).isEqualTo("offhours-operations");
        assertThat(settings.spokeRoleName()).isEqualTo("offhours-spoke");
        assertThat(settings.workQueueVisibilitySeconds()).isEqualTo(900);
        assertThat(settings.workMaxReceiveCount()).isEqualTo(5);
        assertThat(settings.eventsMaxReceiveCount()).isEqualTo(5);
        assertThat(settings.failedOperationsThreshold()).isZero();
        assertThat(settings.lambda()).isEmpty();
        assertThat(settings.service()).isEmpty();
        EcsServiceSettings service = ecs().build();
        assertThat(service.desiredCount()).isEqualTo(1);
        assertThat(service.cpu()).isEqualTo(1024);
        assertThat(service.memoryMb()).isEqualTo(2048);
        assertThat(service.logRetentionDays()).isEqualTo(30);
        assertThat(service.git().branch()).isEqualTo("main");
        assertThat(service.eventsEnabled()).isTrue();
        assertThat(service.ingressCidrs()).isEmpty();
        assertThat(service.loadBalancer()).isEmpty();
    }

    @Test
    void theBuildersRefuseWhatThePulumiProgramRefusesWithTheSameNames() {
        assertThatThrownBy(() -> OffhoursHubArgs.builder().build()).hasMessageContaining("set exactly one of organizationId");
        assertThatThrownBy(() -> OffhoursHubArgs.builder().organizationId("o-a1b2c3d4e5").prefix("Offhours_").build())
                .hasMessageContaining("prefix must be");
        assertThatThrownBy(() -> OffhoursHubArgs.builder().organizationId("o-a1b2c3d4e5").workQueueMaxReceiveCount(0)
                .build()).hasMessageContaining("workQueueMaxReceiveCount must be between 1 and 1000");
        assertThatThrownBy(() -> ecs().image(null).build()).hasMessageContaining("serviceImage is required");
        assertThatThrownBy(() -> ecs().ingressPorts(List.of(8081)).build())
                .hasMessageContaining("must not open the admin port 8081");
    }

    @Test
    void twoHubsWithTheirOwnPrefixesLiveInOneProgram() {
        MockedStack.Run run = MockedStack.run("platform", ctx -> {
            OffhoursHub blue = new OffhoursHub("blue", OffhoursHubArgs.builder().prefix("blue-")
                    .organizationId("o-a1b2c3d4e5").ecsService(ecs().build()).build());
            OffhoursHub green = new OffhoursHub("green", OffhoursHubArgs.builder().prefix("green-")
                    .spokeAccountIds(List.of("111122223333")).build());
            ctx.export("blueRole", blue.hubRoleArn());
            ctx.export("greenBus", green.hubEventBusArn());
        });
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
        assertThat(run.ofType(OffhoursHub.TYPE)).extracting(MockedStack.Declared::name)
                .containsExactlyInAnyOrder("blue", "green");
        List<String> names = run.resources().stream().map(r -> r.type() + "/" + r.name()).toList();
        Set<String> distinct = names.stream().collect(Collectors.toSet());
        assertThat(distinct).hasSameSizeAs(names);
        assertThat(run.withInput("aws:sqs/queue:Queue", "name", "green-work")).isNotNull();
        assertThat(run.ofType("aws:ecs/service:Service")).extracting(r -> r.string("name")).containsExactly("blue-hub");
    }

    @Test
    void theHubsOutputsNameTheServiceWhenItRunsOnEcs() {
        MockedStack.Run run = MockedStack.run("platform", ctx -> {
            OffhoursHub hub = new OffhoursHub("offhours", OffhoursHubArgs.builder().organizationId("o-a1b2c3d4e5")
                    .ecsService(ecs().build()).build());
            assertThat(hub.outputs()).containsKeys("hubRoleArn", "hubEventBusArn", "workQueueUrl", "serviceClusterArn",
                    "serviceName", "serviceLogGroup");
            assertThat(hub.outputs()).doesNotContainKeys("workerFunctionName", "serviceUrl");
        });
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
    }

    private static EcsServiceArgs ecs() {
        return EcsServiceArgs.builder()
                .image(HubFixtures.IMAGE)
                .vpcId("vpc-0a1b2c3d4e5f60718")
                .subnetIds(List.of("subnet-0a1b2c3d4e5f60001"))
                .gitUrl("https://github.com/acme/offhours-schedules.git")
                .externalIdSecret(HubFixtures.EXTERNAL_ID_PARAMETER)
                .apiTokenSha256Secret(HubFixtures.API_TOKEN_PARAMETER);
    }
}
