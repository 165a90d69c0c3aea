export { compareVietnameseNames, compareVietnameseText, splitGivenName, vietnameseSortKey } from './compare';
