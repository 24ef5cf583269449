/** An RDS instance of the topology around the start instance, as DescribeDBInstances lists it. */
export interface RdsPeer {
  id: string;
  host: string | null;
  port: number | null;
  status: string;
  sourceId: string | null;
}
