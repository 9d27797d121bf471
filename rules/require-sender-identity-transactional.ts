import { createSenderIdentityRule } from "./require-sender-identity.js";

/**
 * The `require-sender-identity` check for transactional mail (order
 * confirmations, password resets): the sender's name, and its address only
 * when the user asks for it. A separate rule so that the recommended config
 * can warn here while it errors on marketing mail.
 */
export default createSenderIdentityRule("transactional");
