package dev.offhours.pulumi.hub;

import com.pulumi.aws.dynamodb.Table;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.aws.dynamodb.TableArgs;
import com.pulumi.aws.dynamodb.inputs.TableAttributeArgs;
import com.pulumi.aws.dynamodb.inputs.TableGlobalSecondaryIndexArgs;
import com.pulumi.aws.dynamodb.inputs.TablePointInTimeRecoveryArgs;
import com.pulumi.aws.dynamodb.inputs.TableServerSideEncryptionArgs;
import com.pulumi.aws.dynamodb.inputs.TableTtlArgs;
import dev.offhours.pulumi.Children;
import com.pulumi.resources.Resource;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.HubTableDefinitions.TableNames;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * The three hub tables, translated from the worker's own {@link HubTableDefinitions} (the requests the code, its
 * tests and the demo create them with), so keys and indexes cannot drift from what the code queries. Point-in-time
 * recovery and encryption are always on; deletion protection too, since the tables hold the saved awake capacities.
 */
public final class HubTables {

    /** The tables and their Pulumi resources, in the order operations, inventory, control. */
    public record Tables(Table operations, Table inventory, Table control) {
        public List<Table> all() {
            return List.of(operations, inventory, control);
        }
    }

    private HubTables() {
    }

    public static Tables declare(String prefix, TableNames names, Resource parent) {
        return declare(prefix, names, Optional.empty(), parent);
    }

    /**
     * With {@code capacity}, the tables are provisioned at their between-waves units ({@link HubWaveCapacity} raises
     * them for each wave, so Pulumi leaves the tables' own units alone after creating them).
     */
    public static Tables declare(String prefix, TableNames names, Optional<HubSettings.WaveCapacity> capacity,
                                 Resource parent) {
        List<Table> tables = HubTableDefinitions.all(names).stream()
                .map(request -> {
                    TableArgs args = args(request, ttlAttribute(request, names));
                    if (capacity.isEmpty()) {
                        return new Table(resourceName(prefix, request, names), args, Children.of(parent));
                    }
                    return new Table(resourceName(prefix, request, names),
                            provisioned(request, names, capacity.get()), Children.ignoring(parent, "readCapacity", "writeCapacity"));
                })
                .toList();
        return new Tables(tables.get(0), tables.get(1), tables.get(2));
    }

    private static TableArgs provisioned(CreateTableRequest request, TableNames names,
                                         HubSettings.WaveCapacity capacity) {
        String table = request.tableName();
        HubWaveCapacity.Resource resource = table.equals(names.operations()) ? HubWaveCapacity.Resource.OPERATIONS
                : table.equals(names.inventory()) ? HubWaveCapacity.Resource.INVENTORY : null;
        HubWaveCapacity.Units units = resource == null ? new HubWaveCapacity.Units(1, 1)
                : HubWaveCapacity.base(capacity, resource, null);
        TableArgs plain = args(request, ttlAttribute(request, names));
        TableArgs.Builder args = TableArgs.builder()
                .name(request.tableName())
                .billingMode("PROVISIONED")
                .readCapacity(units.read())
                .writeCapacity(units.write())
                .hashKey(key(request.keySchema(), KeyType.HASH).orElseThrow())
                .attributes(plain.attributes().orElseThrow())
                .globalSecondaryIndexes(request.globalSecondaryIndexes().stream().map(index -> {
                    HubWaveCapacity.Units u = resource == null ? new HubWaveCapacity.Units(1, 1)
                            : HubWaveCapacity.base(capacity, resource, index.indexName());
                    return index(index, u);
                }).toList())
                .pointInTimeRecovery(TablePointInTimeRecoveryArgs.builder().enabled(true).build())
                .serverSideEncryption(TableServerSideEncryptionArgs.builder().enabled(true).build())
                .deletionProtectionEnabled(true);
        key(request.keySchema(), KeyType.RANGE).ifPresent(args::rangeKey);
        ttlAttribute(request, names).ifPresent(attribute ->
                args.ttl(TableTtlArgs.builder().attributeName(attribute).enabled(true).build()));
        return args.build();
    }

    /**
     * The attribute the code switches TTL on for a table, if any. The requests cannot say it (TTL is a separate
     * call in DynamoDB); {@code HubTablesMatchTheCodeTest} checks this against what
     * {@link HubTableDefinitions#createAll} really does.
     */
    public static Optional<String> ttlAttribute(CreateTableRequest request, TableNames names) {
        String table = request.tableName();
        return table.equals(names.operations()) || table.equals(names.control())
                ? Optional.of(HubTableDefinitions.TTL) : Optional.empty();
    }

    static TableArgs args(CreateTableRequest request, Optional<String> ttlAttribute) {
        TableArgs.Builder args = TableArgs.builder()
                .name(request.tableName())
                .billingMode(request.billingModeAsString())
                .hashKey(key(request.keySchema(), KeyType.HASH).orElseThrow())
                .attributes(request.attributeDefinitions().stream()
                        .map(a -> TableAttributeArgs.builder().name(a.attributeName())
                                .type(a.attributeTypeAsString()).build())
                        .toList())
                .globalSecondaryIndexes(request.globalSecondaryIndexes().stream().map(HubTables::index).toList())
                .pointInTimeRecovery(TablePointInTimeRecoveryArgs.builder().enabled(true).build())
                .serverSideEncryption(TableServerSideEncryptionArgs.builder().enabled(true).build())
                .deletionProtectionEnabled(true);
        key(request.keySchema(), KeyType.RANGE).ifPresent(args::rangeKey);
        ttlAttribute.ifPresent(attribute -> args.ttl(TableTtlArgs.builder().attributeName(attribute).enabled(true).build()));
        return args.build();
    }

    /** Stable resource names, independent of the configurable table names. */
    private static String resourceName(String prefix, CreateTableRequest request, TableNames names) {
        String table = request.tableName();
        String role = table.equals(names.operations()) ? "operations" : table.equals(names.inventory()) ? "inventory" : "control";
        return prefix + role + "-table";
    }

    private static TableGlobalSecondaryIndexArgs index(GlobalSecondaryIndex index) {
        return index(index, null);
    }

    private static TableGlobalSecondaryIndexArgs index(GlobalSecondaryIndex index, HubWaveCapacity.Units units) {
        TableGlobalSecondaryIndexArgs.Builder args = TableGlobalSecondaryIndexArgs.builder()
                .name(index.indexName())
                .hashKey(key(index.keySchema(), KeyType.HASH).orElseThrow())
                .projectionType(index.projection().projectionTypeAsString());
        key(index.keySchema(), KeyType.RANGE).ifPresent(args::rangeKey);
        if (index.projection().hasNonKeyAttributes()) {
            args.nonKeyAttributes(index.projection().nonKeyAttributes());
        }
        if (units != null) {
            args.readCapacity(units.read()).writeCapacity(units.write());
        }
        return args.build();
    }

    private static Optional<String> key(List<KeySchemaElement> schema, KeyType type) {
        return schema.stream().filter(k -> k.keyType() == type).map(KeySchemaElement::attributeName).findFirst();
    }
}
