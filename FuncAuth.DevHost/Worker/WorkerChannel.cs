using System.Collections.Concurrent;
using System.Threading.Channels;
using FuncAuth.DevHost.Configuration;
using FuncAuth.DevHost.Functions;
using FuncAuth.DevHost.Http;
using FuncAuth.DevHost.Rpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace FuncAuth.DevHost.Worker;

/// <summary>
/// The host side of the worker's event stream: the init handshake, worker indexing, function loading, and
/// invocations correlated by id (the worker answers on the thread pool, so responses arrive out of order).
/// </summary>
internal sealed class WorkerChannel
{
    private readonly Channel<StreamingMessage> _outbound =
        Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> _invocations = new();
    private readonly TaskCompletionSource<FunctionRouteTable> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, FunctionDescriptor> _loading = new(StringComparer.Ordinal);
    private readonly List<FunctionDescriptor> _loaded = [];
    private readonly DevHostOptions _options;
    private readonly IInlineConstraintResolver _constraintResolver;
    private readonly RpcLogForwarder _logForwarder;
    private readonly ILogger<WorkerChannel> _logger;
    private int _streamStarted;

    public WorkerChannel(
        DevHostOptions options,
        IInlineConstraintResolver constraintResolver,
        ILoggerFactory loggerFactory)
    {
        _options = options;
        _constraintResolver = constraintResolver;
        _logForwarder = new RpcLogForwarder(loggerFactory);
        _logger = loggerFactory.CreateLogger<WorkerChannel>();
    }

    /// <summary>The id passed to the worker on its command line; its StartStream must echo it.</summary>
    public string WorkerId { get; } = Guid.NewGuid().ToString();

    /// <summary>Completes with the route table once every function load has been answered; faults if the worker fails.</summary>
    public Task<FunctionRouteTable> Ready => _ready.Task;

    public bool StreamStarted => Volatile.Read(ref _streamStarted) == 1;

    /// <summary>Runs one event stream until the worker closes it. Only the first stream is accepted.</summary>
    internal async Task RunAsync(
        IAsyncStreamReader<StreamingMessage> requests,
        IServerStreamWriter<StreamingMessage> responses,
        CancellationToken cancellationToken)
    {
        if (!await requests.MoveNext(cancellationToken) ||
            requests.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream ||
            requests.Current.StartStream.WorkerId != WorkerId)
        {
            _logger.StreamWithoutStartRejected(WorkerId);
            return;
        }

        if (Interlocked.Exchange(ref _streamStarted, 1) == 1)
        {
            _logger.SecondStreamRejected(WorkerId);
            return;
        }

        var writer = WriteLoopAsync(responses, cancellationToken);
        Send(new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest
            {
                HostVersion = typeof(WorkerChannel).Assembly.GetName().Version?.ToString() ?? "0.0.0",
                // The real host always offers MultiStream; the .NET worker ignores the whole request anyway.
                Capabilities = { ["MultiStream"] = "10" },
                WorkerDirectory = _options.AppDirectory,
                FunctionAppDirectory = _options.AppDirectory,
            },
        });

        try
        {
            while (await requests.MoveNext(cancellationToken))
            {
                Dispatch(requests.Current);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or Grpc.Core.RpcException)
        {
            _logger.EventStreamEnded(e);
        }
        finally
        {
            Fault(new WorkerUnavailableException("The worker closed its event stream."));
            await writer;
        }
    }

    /// <summary>Sends an invocation and waits for its response; a cancelled wait tells the worker with InvocationCancel.</summary>
    internal async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<InvocationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations[request.InvocationId] = completion;
        if (!_outbound.Writer.TryWrite(new StreamingMessage { InvocationRequest = request }))
        {
            _invocations.TryRemove(request.InvocationId, out _);
            throw new WorkerUnavailableException("The worker is not connected.");
        }

        try
        {
            return await completion.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _invocations.TryRemove(request.InvocationId, out _);
            Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId } });
            throw;
        }
    }

    /// <summary>Asks the worker to stop its host; returns false when there is no stream to send it on.</summary>
    internal bool RequestTermination(TimeSpan gracePeriod) =>
        StreamStarted && _outbound.Writer.TryWrite(new StreamingMessage
        {
            WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(gracePeriod) },
        });

    /// <summary>Fails start-up and every pending invocation, and closes the outbound queue.</summary>
    internal void Fault(Exception reason)
    {
        _ready.TrySetException(reason);
        _outbound.Writer.TryComplete();
        foreach (var id in _invocations.Keys)
        {
            if (_invocations.TryRemove(id, out var pending))
            {
                pending.TrySetException(reason);
            }
        }
    }

    private void Send(StreamingMessage message)
    {
        if (!_outbound.Writer.TryWrite(message))
        {
            _logger.MessageDroppedStreamClosed(message.ContentCase);
        }
    }

    private async Task WriteLoopAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        try
        {
            // A single writer: gRPC forbids concurrent writes to one response stream.
            await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await responses.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            _logger.StoppedWriting(e);
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.RpcLog:
                _logForwarder.Forward(message.RpcLog);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (_invocations.TryRemove(message.InvocationResponse.InvocationId, out var pending))
                {
                    pending.TrySetResult(message.InvocationResponse);
                }

                break;
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                OnInitResponse(message.WorkerInitResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                OnMetadataResponse(message.FunctionMetadataResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse:
                OnLoadResponse(message.FunctionLoadResponse);
                break;
            case StreamingMessage.ContentOneofCase.None:
                // The worker answers WorkerTerminate and InvocationCancel with an empty message; nothing to do.
                break;
            default:
                _logger.MessageIgnored(message.ContentCase);
                break;
        }
    }

    private void OnInitResponse(WorkerInitResponse response)
    {
        if (response.Result?.Status != StatusResult.Types.Status.Success)
        {
            FailStartup("The worker failed to initialize", response.Result);
            return;
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.WorkerInitialized(string.Join(", ", response.Capabilities.Keys));
        }

        Send(new StreamingMessage
        {
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = _options.AppDirectory },
        });
    }

    private void OnMetadataResponse(FunctionMetadataResponse response)
    {
        if (response.Result?.Status != StatusResult.Types.Status.Success)
        {
            FailStartup("The worker failed to index its functions", response.Result);
            return;
        }

        if (response.UseDefaultMetadataIndexing)
        {
            FailStartup("The worker asked for host-side indexing (functions.metadata), which the DevHost does not do", null);
            return;
        }

        var functions = response.FunctionMetadataResults.Select(FunctionMetadataParser.Parse).ToList();
        lock (_loading)
        {
            foreach (var function in functions)
            {
                _loading[function.FunctionId] = function;
            }
        }

        if (functions.Count == 0)
        {
            CompleteStartup();
            return;
        }

        foreach (var function in functions)
        {
            Send(new StreamingMessage { FunctionLoadRequest = LoadRequest(function.Metadata) });
        }
    }

    /// <summary>The metadata echoed as the host builds it, including the bindings map the worker needs for output bindings.</summary>
    private static FunctionLoadRequest LoadRequest(RpcFunctionMetadata reported) => new()
    {
        FunctionId = reported.FunctionId,
        Metadata = new RpcFunctionMetadata
        {
            Name = reported.Name,
            Directory = reported.Directory,
            ScriptFile = reported.ScriptFile,
            EntryPoint = reported.EntryPoint,
            IsProxy = reported.IsProxy,
            Language = reported.Language,
            FunctionId = reported.FunctionId,
            Bindings = { reported.Bindings },
            Properties = { reported.Properties },
        },
    };

    private void OnLoadResponse(FunctionLoadResponse response)
    {
        bool done;
        lock (_loading)
        {
            if (!_loading.Remove(response.FunctionId, out var function))
            {
                return;
            }

            if (response.Result?.Status == StatusResult.Types.Status.Success)
            {
                _loaded.Add(function);
            }
            else
            {
                // The real host keeps running and marks the function as errored; its route is simply absent.
                _logger.FunctionLoadFailed(function.Name, response.Result?.Exception?.Message ?? response.Result?.Result);
            }

            done = _loading.Count == 0;
        }

        if (done)
        {
            CompleteStartup();
        }
    }

    private void CompleteStartup()
    {
        List<FunctionDescriptor> loaded;
        lock (_loading)
        {
            loaded = [.. _loaded];
        }

        foreach (var function in loaded.Where(f => f.HttpTrigger is null))
        {
            _logger.NonHttpTriggerNotInvoked(function.Name, string.Join(", ", function.TriggerTypes));
        }

        try
        {
            _ready.TrySetResult(FunctionRouteTable.Build(loaded, _options.RoutePrefix, _constraintResolver));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            _ready.TrySetException(new InvalidOperationException($"A function route is invalid: {e.Message}", e));
        }
    }

    private void FailStartup(string what, StatusResult? result)
    {
        var detail = result?.Exception?.Message ?? result?.Result;
        _ready.TrySetException(new InvalidOperationException(string.IsNullOrEmpty(detail) ? what + "." : $"{what}: {detail}"));
    }
}
