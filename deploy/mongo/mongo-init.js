// Initiates the replica set (once) and gives each ClinicOps service its database user, from
// service-access.json: a custom role in the service's own database (find and insert everywhere in
// it, update and remove only on the listed collections, so audit_log is append-only) and a user
// holding only that role. Idempotent: roles and users that exist are updated, which also sets a
// changed password. Compose runs it as the one-shot service mongo-init, Kubernetes as the Job
// mongo-init, both with the mongo image:
//
//   mongosh --quiet --nodb --file /opt/clinicops/mongo/mongo-init.js
//
// Environment (from secrets, never from the repository):
//   MONGO_HOST                   the member, host:port (mongo:27017, mongo-0.mongo:27017)
//   MONGO_ROOT_USERNAME          the root user the mongo image created on first start
//   MONGO_ROOT_PASSWORD
//   MONGODB_PASSWORD_<SERVICE>   e.g. MONGODB_PASSWORD_INTAKE_SERVICE; letters and digits only
//   CLINIC_MONGO_ACCESS_FILE     optional, default /opt/clinicops/mongo/service-access.json
const fs = require('fs');

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(name + ' is not set (see deploy/README.md, Credentials)');
  }
  return value;
}

const access = JSON.parse(
  fs.readFileSync(process.env.CLINIC_MONGO_ACCESS_FILE || '/opt/clinicops/mongo/service-access.json', 'utf8'));
const host = required('MONGO_HOST');

// Connect without credentials on the command line, then sign in as root.
let conn;
for (let attempt = 1; ; attempt++) {
  try {
    conn = new Mongo('mongodb://' + host + '/?directConnection=true');
    break;
  } catch (e) {
    if (attempt >= 60) {
      throw e;
    }
    print('waiting for ' + host + ': ' + e.message);
    sleep(5000);
  }
}
const admin = conn.getDB('admin');
admin.auth(required('MONGO_ROOT_USERNAME'), required('MONGO_ROOT_PASSWORD'));

function replicaSetInitiated() {
  let status;
  try {
    status = admin.runCommand({ replSetGetStatus: 1 });
  } catch (e) {
    if (e.codeName === 'NotYetInitialized') {
      return false;
    }
    throw e;
  }
  if (status.ok) {
    return true;
  }
  if (status.codeName === 'NotYetInitialized') {
    return false;
  }
  throw new Error('replSetGetStatus: ' + status.errmsg);
}

if (replicaSetInitiated()) {
  print('replica set ' + access.replicaSet + ' already initiated');
} else {
  admin.runCommand({ replSetInitiate: { _id: access.replicaSet, members: [{ _id: 0, host: host }] } });
  print('replica set ' + access.replicaSet + ' initiated');
}
for (let i = 0; !admin.runCommand({ hello: 1 }).isWritablePrimary; i++) {
  if (i >= 60) {
    throw new Error('no writable primary after 60 s');
  }
  sleep(1000);
}

for (const service of access.services) {
  const variable = 'MONGODB_PASSWORD_' + service.user.toUpperCase().replace(/-/g, '_');
  const password = required(variable);
  if (!/^[A-Za-z0-9]+$/.test(password)) {
    throw new Error(variable + ' must be letters and digits only (it goes into a connection string)');
  }
  const database = conn.getDB(service.database);

  if (database.getRole(service.role)) {
    database.updateRole(service.role, { privileges: service.privileges, roles: [] });
  } else {
    database.createRole({ role: service.role, privileges: service.privileges, roles: [] });
  }
  const roles = [{ role: service.role, db: service.database }];
  if (database.getUser(service.user)) {
    database.updateUser(service.user, { pwd: password, roles: roles });
  } else {
    database.createUser({ user: service.user, pwd: password, roles: roles });
  }

  // The role lets the service create indexes on audit_log (it does at start); a TTL index there
  // would silently expire audit entries, so refuse to finish while one exists.
  const ttl = database.getCollection('audit_log').getIndexes().filter((index) => index.expireAfterSeconds !== undefined);
  if (ttl.length > 0) {
    throw new Error(service.database + '.audit_log has a TTL index (' + ttl.map((i) => i.name).join(', ')
      + '): audit entries would expire; drop it as root');
  }
  print('user ' + service.user + ' in database ' + service.database + ': role ' + service.role);
}
print('MongoDB users are set up.');
