package dev.offhours.worker.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.core.SdkRequest;
import java.lang.reflect.Method;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * A span per AWS call (the OpenTelemetry instrumentation for AWS SDK v2) for every SDK client of the process: the
 * SDK loads this interceptor from {@code software/amazon/awssdk/global/handlers/execution.interceptors} into each
 * client it builds, so the spoke clients (STS, Auto Scaling, EKS) and the hub's (DynamoDB, SQS, EventBridge,
 * CloudWatch) report their calls without being wired one by one. A call is traced only when the process's
 * {@link Tracing} is on and the call is made inside an offhours span (a worker's target, the event updater's
 * event): the queue's long polls, discovery and health checks stay out of the traces. Off, each call costs one
 * check.
 */
public final class AwsCallSpans implements ExecutionInterceptor {

    /** The instrumentation's interceptor for this call, chosen once when the call begins; null: not traced. */
    private static final ExecutionAttribute<ExecutionInterceptor> DELEGATE =
            new ExecutionAttribute<>("offhours.tracing.aws-call");
    /** The offhours span the call was made in, to tell it from the call's own span. */
    private static final ExecutionAttribute<SpanContext> PARENT = new ExecutionAttribute<>("offhours.tracing.parent");
    /**
     * The instrumentation's own accessor of the call's context. An asynchronous client fails its call on a thread
     * where the call's span is not current, so the span is read from where the instrumentation keeps it; when this
     * version of the instrumentation keeps it elsewhere, the current span serves (right for blocking clients).
     */
    private static final Method CALL_CONTEXT = callContextAccessor();

    private static Method callContextAccessor() {
        try {
            Method method = Class.forName("io.opentelemetry.instrumentation.awssdk.v2_2.internal.TracingExecutionInterceptor")
                    .getDeclaredMethod("getContext", ExecutionAttributes.class);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Span callSpan(ExecutionAttributes attributes) {
        if (CALL_CONTEXT != null) {
            try {
                Object context = CALL_CONTEXT.invoke(null, attributes);
                if (context instanceof io.opentelemetry.context.Context callContext) {
                    return Span.fromContext(callContext);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through to the current span
            }
        }
        return Span.current();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = Tracing.installed().awsInterceptor();
        if (delegate == null || !Span.current().getSpanContext().isValid()) {
            return;
        }
        attributes.putAttribute(DELEGATE, delegate);
        attributes.putAttribute(PARENT, Span.current().getSpanContext());
        delegate.beforeExecution(context, attributes);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        return delegate == null ? context.request() : delegate.modifyRequest(context, attributes);
    }

    @Override
    public void beforeMarshalling(Context.BeforeMarshalling context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        if (delegate != null) {
            delegate.beforeMarshalling(context, attributes);
        }
    }

    @Override
    public void afterMarshalling(Context.AfterMarshalling context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        if (delegate != null) {
            delegate.afterMarshalling(context, attributes);
        }
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        return delegate == null ? context.httpRequest() : delegate.modifyHttpRequest(context, attributes);
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        return delegate == null ? context.requestBody() : delegate.modifyHttpContent(context, attributes);
    }

    @Override
    public Optional<AsyncRequestBody> modifyAsyncHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        return delegate == null ? context.asyncRequestBody() : delegate.modifyAsyncHttpContent(context, attributes);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        if (delegate != null) {
            delegate.beforeTransmission(context, attributes);
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        if (delegate != null) {
            delegate.afterTransmission(context, attributes);
        }
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        return delegate == null ? context.httpResponse() : delegate.modifyHttpResponse(context, attributes);
    }

    @Override
    public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        return delegate == null ? context.responsePublisher() : delegate.modifyAsyncHttpResponseContent(context, attributes);
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        return delegate == null ? context.responseBody() : delegate.modifyHttpResponseContent(context, attributes);
    }

    @Override
    public void beforeUnmarshalling(Context.BeforeUnmarshalling context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        if (delegate != null) {
            delegate.beforeUnmarshalling(context, attributes);
        }
    }

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        if (delegate != null) {
            delegate.afterUnmarshalling(context, attributes);
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        return delegate == null ? context.response() : delegate.modifyResponse(context, attributes);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        if (delegate != null) {
            delegate.afterExecution(context, attributes);
        }
    }

    /**
     * The instrumentation's span of the call is still current here (it closes its scope in
     * {@link #onExecutionFailure}): it gets the AWS error code, which the exception's message does not carry.
     */
    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        if (delegate == null) {
            return context.exception();
        }
        Span call = callSpan(attributes);
        if (context.exception() instanceof AwsServiceException refused && refused.awsErrorDetails() != null
                && refused.awsErrorDetails().errorCode() != null
                && !call.getSpanContext().equals(attributes.getAttribute(PARENT))) {
            call.setAttribute(SpanNames.AWS_ERROR_CODE, refused.awsErrorDetails().errorCode());
            call.setAttribute(SpanNames.ERROR_TYPE, refused.awsErrorDetails().errorCode());
        }
        return delegate.modifyException(context, attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        ExecutionInterceptor delegate = attributes.getAttribute(DELEGATE);
        if (delegate != null) {
            delegate.onExecutionFailure(context, attributes);
        }
    }
}
