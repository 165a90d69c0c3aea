/** The app's one dd/mm/yyyy date input lives in components/; kept here so existing imports still work. */
export { DateInput, parseViDate, viDate } from '../../components/DateInput';
