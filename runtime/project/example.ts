/** The project a newcomer sees first: one Lambda function answering GET /hello through the HTTP API. */
import type { Files } from './types';

const SERVERLESS_YML = `service: hello-playground

provider:
  name: aws
  runtime: nodejs20.x
  environment:
    GREETING: Hello
  httpApi:
    cors: true

functions:
  hello:
    handler: handler.hello   # the export "hello" of handler.js
    events:
      - httpApi: 'GET /hello'
`;

const HANDLER_JS = `// A Lambda function behind the HTTP API route GET /hello (see serverless.yml).
// Try: GET /hello?name=Ada. Edit the code, save, and send again.

module.exports.hello = async (event, context) => {
  // HTTP API (payload format 2.0) puts the query string here; it is absent when empty.
  const name = event.queryStringParameters?.name ?? 'world';
  const greeting = process.env.GREETING; // set in serverless.yml

  // console output goes to the function's logs, like CloudWatch.
  console.log(\`Greeting \${name} (request \${context.awsRequestId})\`);

  return {
    statusCode: 200,
    headers: { 'content-type': 'text/plain' },
    body: \`\${greeting}, \${name}!\`,
  };
};
`;

export function exampleProject(): { files: Files; open: string } {
  return { files: { 'serverless.yml': SERVERLESS_YML, 'handler.js': HANDLER_JS }, open: 'handler.js' };
}
