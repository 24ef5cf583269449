import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * DynamoDB Local has no bind-address option: its DynamoDBProxyServer builds a Jetty `Server(port)`,
 * whose one connector listens on every interface. This launcher makes the same server from the same
 * command line (ServerRunner.createServerFromCommandLineArgs, what its own main does apart from
 * telemetry, which the lab turns off), sets that connector's host to 127.0.0.1 before starting it, and
 * refuses to start if the server is not built as expected. Java runs it as a single-file source
 * program, which needs a JDK's compiler (`jdk.compiler`); without one it exits and the lab falls
 * back to dynalite (Node, loopback only) rather than open DynamoDB Local to the network.
 */
const LAUNCHER_SOURCE = `
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

public class LoopbackLauncher {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        throw new IllegalStateException("DynamoDB Local has an unexpected connector: " + connector);
      }
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    proxy.start();
    System.out.println("LoopbackLauncher: DynamoDB Local listens on 127.0.0.1 only");
  }
}
`;

const LAUNCHER_FILE = 'LoopbackLauncher.java';

/** Writes the launcher into `dir` (the lab's DynamoDB dir) and returns its path. */
export async function writeLoopbackLauncher(dir: string): Promise<string> {
  const path = join(dir, LAUNCHER_FILE);
  await writeFile(path, LAUNCHER_SOURCE.trimStart(), { mode: 0o600 });
  return path;
}
