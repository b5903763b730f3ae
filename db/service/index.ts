export { createService, callService, DATABASE_FILE, type Service, type ServiceOptions } from './create-service';
export { SIGNATURE_NAMESPACE } from './books-service';
