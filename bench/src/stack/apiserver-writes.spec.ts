import { parsePrometheusText } from '../figures/prometheus-text.js';
import { writeCounts, writesBetween } from './apiserver-writes.js';

const page = (statusPuts: number, events: number) => `
apiserver_request_total{code="200",resource="backupsessions",subresource="status",verb="PUT"} ${statusPuts}
apiserver_request_total{code="409",resource="backupsessions",subresource="status",verb="PUT"} 1
apiserver_request_total{code="201",resource="events",subresource="",verb="POST"} ${events}
apiserver_request_total{code="200",resource="backupsessions",subresource="",verb="GET"} 500
apiserver_request_total{code="200",resource="backupsessions",subresource="",verb="LIST"} 20
`;

describe('API server writes', () => {
  it('are counted by verb and resource, every response code included, reads left out', () => {
    expect(writeCounts(parsePrometheusText(page(10, 3)))).toEqual(
      new Map([
        ['PUT backupsessions/status', 11],
        ['POST events', 3],
      ]),
    );
  });

  it('made in between are the differences, kinds without any left out', () => {
    const before = writeCounts(parsePrometheusText(page(10, 3)));
    const after = writeCounts(parsePrometheusText(page(16, 3)));
    expect(writesBetween(before, after)).toEqual(new Map([['PUT backupsessions/status', 6]]));
  });
});
