package dev.offhours.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the Auto Scaling endpoint, run by {@link HttpClientBenchmark} in a child JVM so that its threads
 * and CPU stay out of the client's figures. It answers the query protocol's DescribeAutoScalingGroups and
 * UpdateAutoScalingGroup with canned valid XML after a fixed delay, HTTP/1.1 with keep-alive. The delay is a timer on
 * the connection's event loop, so no thread waits per request however many are in flight.
 *
 * <p>{@code GET /__stats} answers the number of connections that carried an Auto Scaling request so far (what each
 * client opened) and how many of them have been closed since. Prints {@code port: N} once it listens; exits when its standard input closes.
 */
public final class HttpStubEndpoint {

    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf("counted");
    private static final AtomicLong CONNECTIONS = new AtomicLong();
    private static final AtomicLong CLOSED = new AtomicLong();

    private HttpStubEndpoint() {
    }

    public static void main(String[] args) throws Exception {
        long delayMs = Long.parseLong(args[0]);
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(2);
        Channel server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new Responder(delayMs));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        int port = ((java.net.InetSocketAddress) server.localAddress()).getPort();
        System.out.println("port: " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent holds our standard input open for as long as it needs us
        }
        server.close().sync();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private static final class Responder extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final long delayMs;

        Responder(long delayMs) {
            this.delayMs = delayMs;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (request.uri().startsWith("/__stats")) {
                respond(ctx, HttpResponseStatus.OK, "text/plain",
                        "connections=" + CONNECTIONS.get() + " closed=" + CLOSED.get(), false);
                return;
            }
            if (ctx.channel().attr(COUNTED).setIfAbsent(Boolean.TRUE) == null) {
                CONNECTIONS.incrementAndGet();
            }
            String body = request.content().toString(StandardCharsets.UTF_8);
            HttpResponseStatus status;
            String xml;
            if (body.contains("Action=DescribeAutoScalingGroups")) {
                status = HttpResponseStatus.OK;
                xml = AutoScalingXml.describe(UUID.randomUUID().toString());
            } else if (body.contains("Action=UpdateAutoScalingGroup")) {
                status = HttpResponseStatus.OK;
                xml = AutoScalingXml.update(UUID.randomUUID().toString());
            } else {
                status = HttpResponseStatus.BAD_REQUEST;
                xml = AutoScalingXml.error("InvalidAction", "the stub answers DescribeAutoScalingGroups and "
                        + "UpdateAutoScalingGroup only", UUID.randomUUID().toString());
            }
            ctx.executor().schedule(() -> respond(ctx, status, "text/xml", xml, keepAlive), delayMs,
                    TimeUnit.MILLISECONDS);
        }

        private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String body,
                                    boolean keepAlive) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(bytes));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(response);
            } else {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            // the stub closes only on an error or when asked to: every other close is the client's
            if (ctx.channel().hasAttr(COUNTED)) {
                CLOSED.incrementAndGet();
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
