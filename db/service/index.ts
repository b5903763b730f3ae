export { createService, callService, DATABASE_FILE, type Service, type ServiceOptions } from './create-service';
export { BUNDLE_NAMESPACE as SIGNATURE_NAMESPACE } from '../bundle/sshsig';
