"""The Textual reading app. Reads the store through `ui.data`; never talks to the network itself."""
