package dev.offhours.pulumi.spoke;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every spoke account of an {@code accounts.yaml} as one Pulumi component: per account the spoke role and its
 * least-privilege policy, the EventBridge forwarding to the hub bus in each region, and with {@code trailMode:
 * create} a CloudTrail trail of management write events. Through an explicit provider per account and region.
 *
 * <pre>{@code
 * new OffhoursSpoke("offhours", OffhoursSpokeArgs.builder()
 *         .accountsYaml(Files.readString(Path.of("accounts.yaml")))
 *         .hubRoleArn(hubRoleArn).hubEventBusArn(hubBusArn).externalId(ctx.config().requireSecret("externalId"))
 *         .build());
 * }</pre>
 */
public final class OffhoursSpoke extends ComponentResource {

    public static final String TYPE = "offhours:index:OffhoursSpoke";

    private final SpokeSettings settings;
    private final List<SpokeStack.Onboarded> onboarded;

    public OffhoursSpoke(String name, OffhoursSpokeArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    public OffhoursSpoke(String name, OffhoursSpokeArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.settings = args.settings();
        this.onboarded = SpokeStack.declare(settings, this);
        registerOutputs(outputs());
    }

    /** {@code onboardedAccounts}, {@code spokeRoleArns}, {@code trailMode}. */
    public Map<String, Output<?>> outputs() {
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("onboardedAccounts", Output.of(onboarded.stream().map(o -> o.account().id()).toList()));
        outputs.put("spokeRoleArns", Output.all(onboarded.stream().map(o -> o.spokeRole().arn()).toList()));
        outputs.put("trailMode", Output.of(settings.trail().mode()));
        return outputs;
    }

    public List<SpokeStack.Onboarded> onboarded() {
        return onboarded;
    }

    public SpokeSettings settings() {
        return settings;
    }
}
