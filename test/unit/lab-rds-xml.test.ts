import { describe, expect, it } from 'vitest';
import { replicationStatusFrom } from '../../src/lab/rds/runtime/status-info';
import { escapeXml, renderElement, renderError, renderResponse, xmlList } from '../../src/lab/rds/xml';
import type { SlaveStatus } from '../../src/lab/engine/replication';

const NS = 'http://rds.amazonaws.com/doc/2014-10-31/';

describe('XML rendering', () => {
  it('escapes markup and replaces characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
    expect(escapeXml('tab\tok\u0000nul\u001besc\ud800lone😀')).toBe('tab\tok\uFFFDnul\uFFFDesc\uFFFDlone😀');
  });

  it('renders structures, lists with member names, dates and booleans, leaving out undefined', () => {
    const xml = renderElement('DBInstance', {
      DBInstanceIdentifier: 'db-1',
      MultiAZ: false,
      Port: 3306,
      DBName: undefined,
      InstanceCreateTime: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)),
      Endpoint: { Address: '127.0.0.1' },
      ReadReplicaDBInstanceIdentifiers: xmlList('ReadReplicaDBInstanceIdentifier', ['r1', 'r<2>']),
      TagList: xmlList('Tag', []),
    });
    expect(xml).toBe(
      '<DBInstance><DBInstanceIdentifier>db-1</DBInstanceIdentifier><MultiAZ>false</MultiAZ><Port>3306</Port>' +
        '<InstanceCreateTime>2025-01-02T03:04:05.006Z</InstanceCreateTime><Endpoint><Address>127.0.0.1</Address></Endpoint>' +
        '<ReadReplicaDBInstanceIdentifiers><ReadReplicaDBInstanceIdentifier>r1</ReadReplicaDBInstanceIdentifier>' +
        '<ReadReplicaDBInstanceIdentifier>r&lt;2&gt;</ReadReplicaDBInstanceIdentifier></ReadReplicaDBInstanceIdentifiers>' +
        '<TagList/></DBInstance>',
    );
  });

  it('wraps results and errors as RDS does', () => {
    expect(renderResponse('DeleteDBSnapshot', { DBSnapshot: { Status: 'deleted' } }, 'req-1')).toBe(
      `<DeleteDBSnapshotResponse xmlns="${NS}"><DeleteDBSnapshotResult><DBSnapshot><Status>deleted</Status></DBSnapshot>` +
        '</DeleteDBSnapshotResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DeleteDBSnapshotResponse>\n',
    );
    expect(
      renderError(
        { code: 'DBInstanceNotFound', message: 'DBInstance <x> not found.', type: 'Sender' },
        'req-2',
      ),
    ).toBe(
      `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>DBInstanceNotFound</Code>` +
        '<Message>DBInstance &lt;x&gt; not found.</Message></Error><RequestId>req-2</RequestId></ErrorResponse>\n',
    );
  });
});

describe('replication StatusInfos from SHOW SLAVE STATUS', () => {
  const base: SlaveStatus = {
    Slave_IO_Running: 'Yes',
    Slave_SQL_Running: 'Yes',
    Last_IO_Errno: 0,
    Last_IO_Error: '',
    Last_SQL_Errno: 0,
    Last_SQL_Error: '',
    Master_Port: 3306,
    SQL_Delay: 0,
    Seconds_Behind_Master: 0,
    Gtid_IO_Pos: '0-1-5',
  };

  it('maps running, erroring, retrying and stopped replication', () => {
    expect(replicationStatusFrom(base)).toEqual({ status: 'replicating', normal: true });
    expect(
      replicationStatusFrom({
        ...base,
        Slave_SQL_Running: 'No',
        Last_SQL_Errno: 1062,
        Last_SQL_Error: "Duplicate entry '1'",
      }),
    ).toEqual({ status: 'error', normal: false, message: "Duplicate entry '1'" });
    expect(
      replicationStatusFrom({
        ...base,
        Slave_IO_Running: 'Connecting',
        Last_IO_Errno: 2013,
        Last_IO_Error: 'reconnecting',
      }),
    ).toEqual({ status: 'replicating', normal: false, message: 'reconnecting' });
    expect(
      replicationStatusFrom({
        ...base,
        Slave_IO_Running: 'No',
        Last_IO_Errno: 1045,
        Last_IO_Error: 'denied',
      }),
    ).toEqual({
      status: 'error',
      normal: false,
      message: 'denied',
    });
    expect(replicationStatusFrom({ ...base, Slave_IO_Running: 'No', Slave_SQL_Running: 'No' }).status).toBe(
      'stopped',
    );
    expect(replicationStatusFrom(undefined).status).toBe('stopped');
  });
});
