import { histogramQuantileBound, parsePrometheusText, sumSamples } from './prometheus-text.js';

const PAGE = `# HELP apiserver_request_total Counter of apiserver requests.
# TYPE apiserver_request_total counter
apiserver_request_total{code="200",resource="backupsessions",subresource="status",verb="PUT"} 12
apiserver_request_total{code="409",resource="backupsessions",subresource="status",verb="PUT"} 2
apiserver_request_total{code="201",resource="events",subresource="",verb="POST"} 5
restash_scheduler_timers 1000
odd_metric{message="a \\"quoted\\" value, with a comma"} 1.5e+00
`;

describe('Prometheus text', () => {
  it('parses names, labels and values, skipping comments', () => {
    const samples = parsePrometheusText(PAGE);
    expect(samples).toHaveLength(5);
    expect(samples[0]).toEqual({
      name: 'apiserver_request_total',
      labels: { code: '200', resource: 'backupsessions', subresource: 'status', verb: 'PUT' },
      value: 12,
    });
    expect(samples[3]).toEqual({ name: 'restash_scheduler_timers', labels: {}, value: 1000 });
    expect(samples[4]!.labels['message']).toBe('a "quoted" value, with a comma');
    expect(samples[4]!.value).toBe(1.5);
  });

  it('sums the samples of one metric that match', () => {
    const samples = parsePrometheusText(PAGE);
    expect(sumSamples(samples, 'apiserver_request_total')).toBe(19);
    expect(sumSamples(samples, 'apiserver_request_total', (labels) => labels['resource'] === 'backupsessions')).toBe(14);
    expect(sumSamples(samples, 'missing_total')).toBe(0);
  });

  it('bound a histogram quantile by the bucket that holds it', () => {
    const histogram = parsePrometheusText(`
lag_seconds_bucket{le="0.5"} 10
lag_seconds_bucket{le="1"} 90
lag_seconds_bucket{le="2.5"} 100
lag_seconds_bucket{le="+Inf"} 100
lag_seconds_sum 80
lag_seconds_count 100
`);
    expect(histogramQuantileBound(histogram, 'lag_seconds', 0.5)).toBe(1);
    expect(histogramQuantileBound(histogram, 'lag_seconds', 0.99)).toBe(2.5);
    expect(histogramQuantileBound(histogram, 'lag_seconds', 0.05)).toBe(0.5);
    expect(histogramQuantileBound([], 'lag_seconds', 0.5)).toBeUndefined();
  });
});
