using FuncAuth.DevHost.Rpc;
using Grpc.Core;

namespace FuncAuth.DevHost.Worker;

/// <summary>The gRPC service the worker connects to; all protocol logic lives in <see cref="WorkerChannel"/>.</summary>
internal sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream,
        IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context) =>
        channel.RunAsync(requestStream, responseStream, context.CancellationToken);
}
