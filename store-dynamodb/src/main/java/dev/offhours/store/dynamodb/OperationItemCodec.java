package dev.offhours.store.dynamodb;

import dev.offhours.core.port.OperationRecord;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Public access to the operations table's item format for readers outside this package (the API's history). */
public final class OperationItemCodec {

    private OperationItemCodec() {
    }

    public static OperationRecord fromItem(Map<String, AttributeValue> item) {
        return OperationItems.fromItem(item);
    }

    public static Map<String, AttributeValue> toItem(OperationRecord record) {
        return OperationItems.toItem(record);
    }

    /** The table's partition key value of one transition: {@code <schedule>#<transition>}. */
    public static String partition(String schedule, java.time.Instant transition) {
        return OperationItems.pk(schedule, transition);
    }
}
