// Custom resource: the Cloud Map service ECS created for one Service Connect discovery name (ECS DescribeServices,
// Deployment.serviceConnectResources[].discoveryArn). Inline code: at most 4,096 bytes.
const { ECSClient, DescribeServicesCommand } = require('@aws-sdk/client-ecs');

// The discoveryArn for name, PRIMARY deployment first.
const list = v => (Array.isArray(v) ? v : []);

exports.pick = (described, name) => {
  const service = list(described && described.services)[0];
  if (!service || typeof service !== 'object') {
    const failure = list(described && described.failures)[0];
    throw new Error('ECS service not found' + (failure && failure.reason ? ': ' + failure.reason : ''));
  }
  const deployments = list(service.deployments).filter(d => d && typeof d === 'object')
    .sort((a, b) => (b.status === 'PRIMARY') - (a.status === 'PRIMARY'));
  for (const d of deployments) {
    const found = list(d.serviceConnectResources).find(r => r && r.discoveryName === name && typeof r.discoveryArn === 'string');
    if (found && /^arn:[^:]+:servicediscovery:[^:]*:\d{12}:service\/srv-[a-z0-9]+$/.test(found.discoveryArn)) {
      return found.discoveryArn;
    }
  }
  throw new Error("no Service Connect resource '" + name + "' on ECS service " + service.serviceName);
};

function respond(event, status, data, reason) {
  const body = JSON.stringify({
    Status: status,
    Reason: reason || 'OK',
    PhysicalResourceId: event.PhysicalResourceId || event.LogicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: data,
  });
  const url = new URL(event.ResponseURL);
  const lib = require(url.protocol === 'https:' ? 'https' : 'http');
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) }, timeout: 10000 }, res => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('timeout', () => req.destroy(new Error('response timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

exports.handler = async event => {
  try {
    if (event.RequestType === 'Delete') {
      return await respond(event, 'SUCCESS', {});
    }
    const p = event.ResourceProperties;
    const described = await new ECSClient({}).send(
      new DescribeServicesCommand({ cluster: p.Cluster, services: [p.Service] }),
      { abortSignal: AbortSignal.timeout(20000) });
    const arn = exports.pick(described, p.DiscoveryName);
    await respond(event, 'SUCCESS', { ServiceArn: arn, ServiceId: arn.split('/').pop() });
  } catch (e) {
    await respond(event, 'FAILED', {}, String((e && e.message) || e).slice(0, 500));
  }
};
