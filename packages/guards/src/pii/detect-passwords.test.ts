import { describe, expect, it } from 'vitest';
import { detectPasswords } from './detect-passwords.js';
import type { PiiMatch } from './pii-match.js';

function find(text: string): string[] {
  const found: PiiMatch[] = [];
  detectPasswords(text, found);
  return found.map((match) => match.value);
}

describe('detectPasswords', () => {
  it('finds the value of assignments, never the keyword', () => {
    expect(find('db config: host=10.0.4.17 user=app_rw password=Blu3Harbor!92')).toEqual(['Blu3Harbor!92']);
    expect(find('pwd: Sunfl0wer#2024 (that is the temporary one)')).toEqual(['Sunfl0wer#2024']);
    expect(find('DB_PASSWORD=hunter2 and PGPASSWORD=\'x y z\'')).toEqual(['hunter2', 'x y z']);
    expect(find('{"password": "s3cr3t!", "dbPassword": "Tr0ub4dor&3"}')).toEqual(['s3cr3t!', 'Tr0ub4dor&3']);
    expect(find('mysql --password=S3cret! -u root; client_secret: 9f8e7d6c5b4a; pass=abc123')).toEqual([
      'S3cret!',
      '9f8e7d6c5b4a',
      'abc123',
    ]);
  });

  it('drops sentence punctuation after an unquoted value but keeps brackets it opened', () => {
    expect(find('The login is user=analyst, password=Q7v!rT2p#Lm.')).toEqual(['Q7v!rT2p#Lm']);
    expect(find('password: Passw0rd(1), then log in')).toEqual(['Passw0rd(1)']);
  });

  it('finds values introduced by phrases', () => {
    expect(find('The passphrase is violet-anchor-mango-42, do not share it.')).toEqual(['violet-anchor-mango-42']);
    expect(find('Reset the wifi: the admin password is Harb0rLight77 and the router is new.')).toEqual(['Harb0rLight77']);
    expect(find('my password is correcthorse')).toEqual(['correcthorse']);
    expect(find('The password for the staging database is Mx7#pLq2.')).toEqual(['Mx7#pLq2']);
    expect(find('the passphrase for the GPG key: "blue monkey dishwasher"')).toEqual(['blue monkey dishwasher']);
    expect(find('Set mysql root password: \'Tangerine$Owl88\' in the script.')).toEqual(['Tangerine$Owl88']);
    expect(find('Please set the password to Winter2025! today; the passcode was changed to 482913.')).toEqual([
      'Winter2025!',
      '482913',
    ]);
    expect(find('Log in as admin with password Adm1n!2024 and passphrase "open sesame"')).toEqual(['Adm1n!2024', 'open sesame']);
    expect(find('Use Gr33n-Tea! as the password')).toEqual(['Gr33n-Tea!']);
  });

  it('stops at the next pair of a connection string or query string', () => {
    expect(find('Server=db1;User Id=sa;Password=S3cr3t!;Database=app')).toEqual(['S3cr3t!']);
    expect(find('GET /login?user=bob&password=Tr1ckY&next=/home')).toEqual(['Tr1ckY']);
  });

  it('finds the password in URL credentials', () => {
    expect(find('DATABASE_URL=postgres://app:Xy9$pQ@db.internal:5432/app')).toEqual(['Xy9$pQ']);
  });

  it('ignores settings named after passwords and talk about passwords', () => {
    expect(find('Set PASSWORD_MIN_LENGTH=12 and PASSWORD_EXPIRY_DAYS=90 in the auth config.')).toEqual([]);
    expect(find('Password must be at least 12 characters. Forgot password? Reset your password at https://x.io.')).toEqual([]);
    expect(find('The password reset link expires in 24 hours. A password-protected PDF. Passwords are stored hashed.')).toEqual([]);
    expect(find('password: required. the password is expired. The password field is empty. Enter your password.')).toEqual([]);
    expect(find('Boarding pass: 12A. The secret is out. Send the password to Alice.')).toEqual([]);
    expect(find('interface Login { password: string; }')).toEqual([]);
  });

  it('ignores references and placeholders', () => {
    expect(find('password: ${DB_PASSWORD}; pwd=$DB_PWD; password: ********; password: <your password>')).toEqual([]);
    expect(find('password: [PASSWORD_1] and password=process.env.DB_PASSWORD')).toEqual([]);
    expect(find('password=$(cat /run/secrets/db) and PASSWORD=${DB_PASSWORD:-x}')).toEqual([]);
  });

  it('ignores code that reads a password from somewhere else', () => {
    expect(find('const password = req.body.password; password = getpass.getpass()')).toEqual([]);
    expect(find('password = os.getenv("DB_PASSWORD") if password == "" else password')).toEqual([]);
    expect(find('"password": {"type": "string"}, password: null, password = None')).toEqual([]);
  });
});
