/** The course module's labs, as data: what the embedded lab holds on first start. */
export const COURSE_INSTANCE = {
  id: 'myrdslab',
  replicaId: 'myrdslab-replica',
  engine: 'mariadb',
  instanceClass: 'db.t3.micro',
  allocatedStorage: 20,
  masterUsername: 'admin',
} as const;

export const COURSE_SQL = [
  'CREATE DATABASE IF NOT EXISTS demo',
  `CREATE TABLE IF NOT EXISTS demo.users (
    id INT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(50),
    email VARCHAR(100)
  )`,
  `INSERT INTO demo.users (name, email)
   VALUES ('Monowar', 'monowar@example.com'),
          ('CloudUser', 'clouduser@demo.com')`,
] as const;

export const COURSE_TABLE = 'Users';

export const COURSE_ITEMS = [
  { UserID: { S: '1001' }, Name: { S: 'Monowar' }, Email: { S: 'monowar@example.com' } },
  { UserID: { S: '1002' }, Name: { S: 'CloudUser' }, Email: { S: 'clouduser@demo.com' } },
] as const;
