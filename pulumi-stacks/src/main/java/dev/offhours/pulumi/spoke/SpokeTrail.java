package dev.offhours.pulumi.spoke;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailEventSelectorArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.offhours.core.schedule.Account;
import dev.offhours.pulumi.PolicyJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code trailMode: create}: in one account, a private bucket and a multi-region trail recording management write
 * events (the "AWS API Call via CloudTrail" events the spoke rules match, in every region, so each onboarded region
 * is covered). Only write events: offhours needs no read calls, and they are most of a trail's volume.
 */
public final class SpokeTrail {

    public record Declared(BucketV2 bucket, Trail trail) {
    }

    private SpokeTrail() {
    }

    static Declared declare(String prefix, Account account, String homeRegion, int retentionDays,
                            CustomResourceOptions inAccount) {
        String name = prefix + account.alias();
        String bucketName = prefix + "trail-" + account.id();
        String trailName = prefix + "management-writes";
        String trailArn = "arn:aws:cloudtrail:" + homeRegion + ":" + account.id() + ":trail/" + trailName;
        // the log files are audit records: removing the account from offhours leaves the bucket and its files
        BucketV2 bucket = new BucketV2(name + "-trail-bucket", BucketV2Args.builder()
                .bucket(bucketName)
                .build(), CustomResourceOptions.merge(inAccount,
                        CustomResourceOptions.builder().retainOnDelete(true).build()));
        new BucketPublicAccessBlock(name + "-trail-bucket-private", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                .build(), inAccount);
        new BucketLifecycleConfigurationV2(name + "-trail-bucket-expiry", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder().id("expire-trail-logs").status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(retentionDays)
                                .build())
                        .build())
                .build(), inAccount);
        BucketPolicy policy = new BucketPolicy(name + "-trail-bucket-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucketPolicy(bucketName, account.id(), trailArn))
                .build(), inAccount);
        Trail trail = new Trail(name + "-trail", TrailArgs.builder()
                .name(trailName)
                .s3BucketName(bucket.bucket())
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .enableLogFileValidation(true)
                .enableLogging(true)
                .eventSelectors(TrailEventSelectorArgs.builder().readWriteType("WriteOnly")
                        .includeManagementEvents(true).build())
                .build(), CustomResourceOptions.merge(inAccount,
                        CustomResourceOptions.builder().dependsOn(List.<Resource>of(policy)).build()));
        return new Declared(bucket, trail);
    }

    /** CloudTrail may check the bucket and write into it, only for this account's trail (confused deputy). */
    static String bucketPolicy(String bucketName, String accountId, String trailArn) {
        Map<String, Object> onlyThisTrail = Map.of("StringEquals", Map.of("aws:SourceArn", trailArn));
        Map<String, Object> acl = PolicyJson.withCondition(PolicyJson.withPrincipal(
                PolicyJson.allow("CloudTrailChecksTheBucket", List.of("s3:GetBucketAcl"),
                        List.of("arn:aws:s3:::" + bucketName)), Map.of("Service", "cloudtrail.amazonaws.com")),
                onlyThisTrail);
        Map<String, Object> writeCondition = new LinkedHashMap<>();
        Map<String, Object> equals = new LinkedHashMap<>();
        equals.put("aws:SourceArn", trailArn);
        equals.put("s3:x-amz-acl", "bucket-owner-full-control");
        writeCondition.put("StringEquals", equals);
        Map<String, Object> write = PolicyJson.withCondition(PolicyJson.withPrincipal(
                PolicyJson.allow("CloudTrailWritesLogs", List.of("s3:PutObject"),
                        List.of("arn:aws:s3:::" + bucketName + "/AWSLogs/" + accountId + "/*")),
                Map.of("Service", "cloudtrail.amazonaws.com")), writeCondition);
        return PolicyJson.document(List.of(acl, write));
    }
}
